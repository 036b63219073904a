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
 * group, and hands them on. A failed read is retried with backoff and reported for readiness; NOGROUP re-creates the
 * group.
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

    @Override
    public void run() {
        long backoff = 100;
        while (running.getAsBoolean()) {
            int taken = 0;
            try {
                taken = slots.acquireForRead(batchSize, pollTimeout);
                if (taken == 0) {
                    continue; // every slot busy (or a reclaim first): memory stays bounded while a backlog waits
                }
                List<StreamEntry> entries = transport.read(group, consumer, streams, taken, pollTimeout);
                slots.release(taken - entries.size());
                taken = 0;
                failingSince = null;
                read.accept(entries);
                backoff = 100;
            } catch (NoGroupException e) {
                slots.release(taken);
                LOG.warn("{}: re-creating consumer group {} ({})", consumer, group, e.getMessage());
                recreateGroups.run();
            } catch (InterruptedException e) {
                slots.release(taken);
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                slots.release(taken);
                if (!running.getAsBoolean()) {
                    return;
                }
                if (failingSince == null) {
                    failingSince = clock.instant();
                }
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn("{}: reading failed, retrying in {} ms: {}", consumer, backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
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
