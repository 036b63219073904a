package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.NoGroupException;
import ai.openclaw.sdk.transport.StreamEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading loop: takes free slots (never ahead of a waiting reclaim), reads at most that many new entries for the
 * group, and hands them on, in the order read. While one read is on its way, the next is asked for (without waiting
 * in Redis, and only with slots free): Redis reads the next batch while the client decodes this one, as a consumer
 * loop written directly on Lettuce does. A failed read is retried with backoff and reported for readiness; NOGROUP
 * re-creates the group.
 */
public final class Reader implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Reader.class);

    private final EventTransport transport;
    private final String group;
    private final String consumer;
    private final List<String> streams;
    private final int batchSize;
    private final Duration pollTimeout;
    private final Slots slots;
    private final Clock clock;
    private final BooleanSupplier running;
    private final Consumer<List<StreamEntry>> read;
    private final Runnable recreateGroups;
    private final java.util.ArrayDeque<Outstanding> outstanding = new java.util.ArrayDeque<>();
    private volatile @Nullable Instant failingSince;
    private volatile @Nullable String lastError;

    /**
     * A reader.
     *
     * @param read what takes the entries read (each holding a slot)
     * @param recreateGroups what re-creates the groups when Redis lost them
     */
    public Reader(
            EventTransport transport,
            String group,
            String consumer,
            List<String> streams,
            int batchSize,
            Duration pollTimeout,
            Slots slots,
            Clock clock,
            BooleanSupplier running,
            Consumer<List<StreamEntry>> read,
            Runnable recreateGroups) {
        this.transport = transport;
        this.group = group;
        this.consumer = consumer;
        this.streams = List.copyOf(streams);
        this.batchSize = batchSize;
        this.pollTimeout = pollTimeout;
        this.slots = slots;
        this.clock = clock;
        this.running = running;
        this.read = read;
        this.recreateGroups = recreateGroups;
    }

    /** A read on its way and the slots it holds. */
    private record Outstanding(java.util.concurrent.CompletableFuture<List<StreamEntry>> result, int taken) {}

    /** At most this many reads on their way: the one waiting in Redis, and one ahead. */
    private static final int READS_ON_THEIR_WAY = 2;

    @Override
    public void run() {
        long backoff = 100;
        try {
            while (running.getAsBoolean()) {
                try {
                    askAhead();
                    Outstanding first = outstanding.peekFirst();
                    if (first == null) {
                        continue; // every slot busy (or a reclaim first): memory stays bounded while a backlog waits
                    }
                    List<StreamEntry> entries = awaitFirst(first);
                    failingSince = null;
                    read.accept(entries);
                    backoff = 100;
                } catch (NoGroupException e) {
                    LOG.warn("{}: re-creating consumer group {} ({})", consumer, group, e.getMessage());
                    recreateGroups.run();
                } catch (RuntimeException e) {
                    if (!running.getAsBoolean()) {
                        return;
                    }
                    if (failingSince == null) {
                        failingSince = clock.instant();
                    }
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    LOG.warn("{}: reading failed, retrying in {} ms: {}", consumer, backoff, e.toString());
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                }
            }
            // stopping: what the reads still on their way bring is handed on too (or left pending by the dispatcher)
            while (!outstanding.isEmpty()) {
                try {
                    read.accept(awaitFirst(outstanding.getFirst()));
                } catch (RuntimeException e) {
                    LOG.debug("{}: a last read failed while stopping: {}", consumer, e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // interrupted: what those reads bring stays pending in Redis, to be reclaimed
            outstanding.forEach(o -> slots.release(o.taken));
            outstanding.clear();
        }
    }

    /**
     * Starts reads until {@value #READS_ON_THEIR_WAY} are on their way: the first waits for slots and in Redis for
     * entries; one ahead only takes slots free now, only while the one before it is unanswered, and does not wait in
     * Redis (a transport that reads synchronously answers at once, so it never reads ahead).
     */
    private void askAhead() throws InterruptedException {
        while (outstanding.size() < READS_ON_THEIR_WAY) {
            Outstanding last = outstanding.peekLast();
            if (last != null && last.result.isDone()) {
                return;
            }
            int taken = last == null
                    ? slots.acquireForRead(batchSize, pollTimeout)
                    : slots.acquireForRead(batchSize, Duration.ZERO);
            if (taken == 0) {
                return;
            }
            java.util.concurrent.CompletableFuture<List<StreamEntry>> result;
            try {
                result = transport
                        .readAsync(group, consumer, streams, taken, last == null ? pollTimeout : Duration.ZERO)
                        .toCompletableFuture();
            } catch (RuntimeException e) {
                slots.release(taken);
                throw e;
            }
            outstanding.addLast(new Outstanding(result, taken));
        }
    }

    /** The first read's entries, its unused slots given back; it leaves the queue, answered or failed. */
    private List<StreamEntry> awaitFirst(Outstanding first) throws InterruptedException {
        List<StreamEntry> entries;
        try {
            entries = first.result.get();
        } catch (java.util.concurrent.ExecutionException e) {
            outstanding.removeFirst();
            slots.release(first.taken);
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
        outstanding.removeFirst();
        slots.release(first.taken - entries.size());
        return entries;
    }

    /** Since when reading has failed; null when the last read worked. */
    public @Nullable Instant failingSince() {
        return failingSince;
    }

    /** The last read's failure. */
    public @Nullable String lastError() {
        return lastError;
    }
}
