package ai.openclaw.sdk.events.internal;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A subscriber's bounded capacity: how many entries may be read and not yet finished. Reclaiming goes first: while
 * the reclaimer waits for a slot, the reader takes none, so entries orphaned by a dead consumer are taken up as soon
 * as a slot frees however busy the reader keeps the subscriber. Thread-safe.
 */
public final class Slots {
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private int used;
    private int reclaimWaiting;

    /** Slots for {@code capacity} entries. */
    public Slots(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * For reading: between 1 and {@code max} slots, waiting up to {@code timeout} for one to be free and for no
     * reclaim to be waiting.
     *
     * @return the slots taken; 0 when none came in time
     */
    public int acquireForRead(int max, Duration timeout) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            return take(max, timeout.toNanos(), false);
        } finally {
            lock.unlock();
        }
    }

    /**
     * For reclaiming: between 1 and {@code max} slots, ahead of the reader, waiting up to {@code timeout}.
     *
     * @return the slots taken; 0 when none came in time
     */
    public int acquireForReclaim(int max, Duration timeout) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            reclaimWaiting++;
            try {
                return take(max, timeout.toNanos(), true);
            } finally {
                reclaimWaiting--;
                freed.signalAll(); // the reader may go on
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A reclaim round with orphans to take has begun: until {@link #reclaimRoundEnded()}, the reader takes no slot,
     * not even those freed while the reclaimer asks Redis for the next page.
     */
    public void reclaimRoundBegan() {
        lock.lock();
        try {
            reclaimWaiting++;
        } finally {
            lock.unlock();
        }
    }

    /** The reclaim round is over: the reader may take slots again. */
    public void reclaimRoundEnded() {
        lock.lock();
        try {
            reclaimWaiting--;
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: waits for a free slot (and, for reading, for no reclaim to wait), then takes up to max. */
    private int take(int max, long nanos, boolean reclaiming) throws InterruptedException {
        long left = nanos;
        while (used >= capacity || (!reclaiming && reclaimWaiting > 0)) {
            if (left <= 0) {
                return 0;
            }
            left = freed.awaitNanos(left);
        }
        int n = Math.min(max, capacity - used);
        used += n;
        return n;
    }

    /** Gives back {@code n} slots. */
    public void release(int n) {
        if (n <= 0) {
            return;
        }
        lock.lock();
        try {
            used = Math.max(0, used - n);
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Slots taken now (read and waiting, in flight, or waiting to be acknowledged). */
    public int used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }
}
