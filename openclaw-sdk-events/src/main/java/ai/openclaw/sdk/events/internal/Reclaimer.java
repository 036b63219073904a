package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.NoGroupException;
import ai.openclaw.sdk.transport.StreamEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reclaiming round, run every reclaim interval: entries of the group pending longer than the processing timeout
 * (a crashed consumer's, or one left for redelivery after failing) are claimed for this consumer, ahead of reading
 * (they get slots first) and page after page while there are more, so orphans wait at most the processing timeout
 * plus a round however busy the subscriber is. Entries this consumer still handles are left alone: claiming them would
 * count a delivery no handler ran. The round also removes dead consumers (silent past the dead-consumer timeout,
 * holding nothing) and counts entries trimmed away before the group read them.
 */
public final class Reclaimer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Reclaimer.class);

    private final EventTransport transport;
    private final String group;
    private final String consumer;
    private final List<String> streams;
    private final Duration processingTimeout;
    private final Duration interval;
    private final Duration deadConsumerTimeout;
    private final int page;
    private final Slots slots;
    private final Predicate<StreamEntry> inFlight;
    private final java.util.function.IntSupplier inFlightCount;
    private final BooleanSupplier running;
    private final Consumer<List<StreamEntry>> claimed;
    private final Acknowledger acknowledger;
    private final SubscriberMetrics metrics;
    private final Runnable recreateGroups;
    /** Per stream, the entries trimmed unread as last seen; what it was at start is not this process's to report. */
    private final Map<String, Long> trimmedUnread = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A reclaimer.
     *
     * @param inFlight whether this consumer handles an entry now
     * @param claimed what takes the entries claimed (each holding a slot)
     */
    public Reclaimer(
            EventTransport transport,
            String group,
            String consumer,
            List<String> streams,
            Duration processingTimeout,
            Duration interval,
            Duration deadConsumerTimeout,
            int page,
            Slots slots,
            Predicate<StreamEntry> inFlight,
            java.util.function.IntSupplier inFlightCount,
            BooleanSupplier running,
            Consumer<List<StreamEntry>> claimed,
            Acknowledger acknowledger,
            SubscriberMetrics metrics,
            Runnable recreateGroups) {
        this.transport = transport;
        this.group = group;
        this.consumer = consumer;
        this.streams = List.copyOf(streams);
        this.processingTimeout = processingTimeout;
        this.interval = interval;
        this.deadConsumerTimeout = deadConsumerTimeout;
        this.page = page;
        this.slots = slots;
        this.inFlight = inFlight;
        this.inFlightCount = inFlightCount;
        this.running = running;
        this.claimed = claimed;
        this.acknowledger = acknowledger;
        this.metrics = metrics;
        this.recreateGroups = recreateGroups;
    }

    @Override
    public void run() {
        for (String stream : streams) {
            if (!running.getAsBoolean()) {
                return;
            }
            try {
                reclaim(stream);
                removeDeadConsumers(stream);
                countTrimmedUnread(stream);
            } catch (NoGroupException e) {
                recreateGroups.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("{}: reclaiming {} failed: {}", consumer, stream, e.toString());
            }
        }
    }

    /**
     * Claims page after page. From the first page with orphans on, the reader takes no slot until the round ends: slots
     * freed while Redis is asked for the next page go to orphans, not to new entries.
     */
    private void reclaim(String stream) throws InterruptedException {
        boolean holdingReader = false;
        try {
            while (running.getAsBoolean()) {
                // this consumer's own entries in flight may head the list: look past them
                int count = page + inFlightCount.getAsInt();
                List<EventTransport.PendingEntry> idle = transport.pendingIdle(stream, group, processingTimeout, count);
                List<EventTransport.PendingEntry> orphans = idle.stream()
                        .filter(p -> !inFlight.test(new StreamEntry(stream, p.id(), null, 1)))
                        .toList();
                if (orphans.isEmpty()) {
                    return;
                }
                if (!holdingReader) {
                    slots.reclaimRoundBegan();
                    holdingReader = true;
                }
                // the whole page, a few slots at a time as they free
                for (int claimed = 0; claimed < orphans.size(); ) {
                    int taken = slots.acquireForReclaim(orphans.size() - claimed, interval);
                    if (taken == 0 || !running.getAsBoolean()) {
                        slots.release(taken);
                        return; // not one slot in a whole interval, or closing: the next round goes on
                    }
                    claim(stream, orphans.subList(claimed, claimed + taken));
                    claimed += taken;
                }
                if (idle.size() < count) {
                    return; // that was all of them
                }
            }
        } finally {
            if (holdingReader) {
                slots.reclaimRoundEnded();
            }
        }
    }

    /** Claims the orphans, holding one slot each, and hands on what was claimed. */
    private void claim(String stream, List<EventTransport.PendingEntry> orphans) throws InterruptedException {
        int taken = orphans.size();
        EventTransport.Claim claim;
        try {
            claim = transport.claim(stream, group, consumer, processingTimeout, orphans);
        } catch (RuntimeException e) {
            slots.release(taken);
            throw e;
        }
        slots.release(taken - claim.entries().size());
        if (!claim.trimmed().isEmpty()) {
            metrics.trimmed(claim.trimmed().size());
            LOG.warn(
                    "{}: {} pending entries of {} were trimmed away before being handled; acknowledged",
                    consumer,
                    claim.trimmed().size(),
                    stream);
            for (String id : claim.trimmed()) {
                acknowledger.acknowledge(new StreamEntry(stream, id, null, 1), Acknowledger.Reason.TRIMMED);
            }
        }
        if (!claim.entries().isEmpty()) {
            metrics.reclaimed(stream, claim.entries().size());
            claimed.accept(claim.entries());
        }
    }

    private void removeDeadConsumers(String stream) {
        for (EventTransport.GroupConsumer c : transport.consumers(stream, group)) {
            if (!c.name().equals(consumer) && c.pending() == 0 && c.idle().compareTo(deadConsumerTimeout) >= 0) {
                transport.removeConsumer(stream, group, c.name());
                LOG.info(
                        "{}: removed consumer {} from group {} of {}: silent for {}, holding nothing",
                        consumer,
                        c.name(),
                        group,
                        stream,
                        c.idle());
            }
        }
    }

    /** Reads how many entries were trimmed unread so far: losses before this subscriber started are not its to report. */
    public void baseline() {
        for (String stream : streams) {
            try {
                long now = transport.trimmedUnread(stream, group);
                if (now >= 0) {
                    trimmedUnread.put(stream, now);
                }
            } catch (RuntimeException e) {
                // the first round takes it instead
            }
        }
    }

    private void countTrimmedUnread(String stream) {
        long now = transport.trimmedUnread(stream, group);
        if (now < 0) {
            return; // the transport cannot tell (Redis 6.2)
        }
        Long before = trimmedUnread.put(stream, now);
        if (before != null && now > before) {
            metrics.trimmedUnread(stream, now - before);
            LOG.warn(
                    "{}: {} entries of {} were trimmed away before group {} read them: those events are lost to it"
                            + " (trim with Trim...keepingUnread() to keep what a group has not read)",
                    consumer,
                    now - before,
                    stream,
                    group);
        }
    }
}
