package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.StreamEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a subscriber acknowledges entries: those its handlers handled, those written to a dead-letter stream,
 * and pending ones found trimmed away. Acknowledgements are batched, one {@code XACK} per stream per round. What waits
 * here is a stream and an id, never the entry's data, and the queue is bounded: a worker that finds it full waits.
 * Nothing is acknowledged before its handler returned or its dead letter was written. A failed {@code XACK} leaves the
 * entries pending: they are reclaimed and handled again, at least once.
 */
public final class Acknowledger {
    private static final Logger LOG = LoggerFactory.getLogger(Acknowledger.class);
    private static final int MAX_BATCH = 512;

    /** Why an entry is acknowledged. */
    public enum Reason {
        /** Its handler returned. */
        HANDLED,
        /** Its dead letter is written. */
        DEAD_LETTERED,
        /** It was pending, and its data had been trimmed away: nothing left to handle. */
        TRIMMED
    }

    private record Ack(String stream, String id, Reason reason) {}

    private final EventTransport transport;
    private final String group;
    private final String consumer;
    private final Duration interval;
    private final BlockingQueue<Ack> queue;
    private final SubscriberMetrics metrics;
    private final BiConsumer<String, List<String>> acknowledged;

    /**
     * An acknowledger.
     *
     * @param capacity how many acknowledgements may wait before a worker adding one waits
     * @param acknowledged called with a stream and ids of it, once their acknowledgement was tried
     */
    public Acknowledger(
            EventTransport transport,
            String group,
            String consumer,
            Duration interval,
            int capacity,
            SubscriberMetrics metrics,
            BiConsumer<String, List<String>> acknowledged) {
        this.transport = transport;
        this.group = group;
        this.consumer = consumer;
        this.interval = interval;
        this.queue = new ArrayBlockingQueue<>(capacity + MAX_BATCH);
        this.metrics = metrics;
        this.acknowledged = acknowledged;
    }

    /**
     * Queues an entry's acknowledgement.
     *
     * @throws InterruptedException when interrupted while the queue is full: the entry is not acknowledged
     */
    public void acknowledge(StreamEntry entry, Reason reason) throws InterruptedException {
        queue.put(new Ack(entry.stream(), entry.id(), reason));
    }

    /** Acknowledges until {@code keepGoing} says stop and nothing is left. */
    public void run(BooleanSupplier keepGoing) {
        List<Ack> batch = new ArrayList<>();
        while (keepGoing.getAsBoolean() || !queue.isEmpty()) {
            try {
                Ack first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // let what else finishes within the interval gather, then write one XACK per stream; sleeping
                // through it (rather than waking for each entry queued) keeps a busy subscriber's wake-ups at one
                // per interval
                long deadline = System.nanoTime() + interval.toNanos();
                for (long left = interval.toNanos(); left > 0 && queue.size() < MAX_BATCH; ) {
                    java.util.concurrent.locks.LockSupport.parkNanos(this, left);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    left = deadline - System.nanoTime();
                }
                queue.drainTo(batch, MAX_BATCH - batch.size());
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queue.drainTo(batch);
                flush(batch);
                return;
            }
            batch.clear();
        }
    }

    private void flush(List<Ack> batch) {
        Map<String, List<Ack>> byStream = new LinkedHashMap<>();
        for (Ack a : batch) {
            byStream.computeIfAbsent(a.stream, k -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<Ack>> s : byStream.entrySet()) {
            List<Ack> acks = s.getValue();
            List<String> ids = new ArrayList<>(acks.size());
            acks.forEach(a -> ids.add(a.id));
            try {
                transport.ack(s.getKey(), group, ids);
                int handled = (int)
                        acks.stream().filter(a -> a.reason == Reason.HANDLED).count();
                if (handled > 0) {
                    metrics.processed(s.getKey(), handled);
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "{}: acknowledging {} entries of {} failed (they stay pending, to be handled again): {}",
                        consumer,
                        acks.size(),
                        s.getKey(),
                        e.toString());
            }
            acknowledged.accept(s.getKey(), ids);
        }
    }
}
