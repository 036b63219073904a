package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.transport.EventTransport;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * What a subscriber counts, as numbers for {@code stats()} and as OpenTelemetry instruments: {@code
 * openclaw.events.processed}, {@code .failed}, {@code .dead_lettered}, {@code .reclaimed}, {@code .trimmed_unread}
 * (counters), {@code .in_flight}, {@code .pending}, {@code .lag} (observed). Thread-safe.
 */
public final class SubscriberMetrics implements AutoCloseable {
    private final String group;
    private final Set<String> streams;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong reclaimed = new AtomicLong();
    private final AtomicLong trimmed = new AtomicLong();
    private final AtomicLong trimmedUnread = new AtomicLong();
    private final LongCounter processedCounter;
    private final LongCounter failedCounter;
    private final LongCounter deadLetterCounter;
    private final LongCounter reclaimedCounter;
    private final LongCounter trimmedUnreadCounter;
    private final List<AutoCloseable> gauges = new ArrayList<>();
    /** Attributes per stream (and for none, ""), built once: they are used for every event. */
    private final Map<String, Attributes> attributes = new ConcurrentHashMap<>();

    /** The instruments of one subscriber. */
    public SubscriberMetrics(
            OpenTelemetry openTelemetry,
            String group,
            Set<String> streams,
            EventTransport transport,
            IntSupplier inFlight) {
        this.group = group;
        this.streams = Set.copyOf(streams);
        Meter meter = openTelemetry.getMeter("ai.openclaw.sdk.events");
        this.processedCounter = counter(meter, "openclaw.events.processed", "Events handled and acknowledged");
        this.failedCounter = meter.counterBuilder("openclaw.events.failed")
                .setDescription("Handler calls that threw (retries included)")
                .setUnit("{call}")
                .build();
        this.deadLetterCounter =
                counter(meter, "openclaw.events.dead_lettered", "Entries written to a dead-letter stream");
        this.reclaimedCounter = counter(meter, "openclaw.events.reclaimed", "Entries claimed from idle consumers");
        this.trimmedUnreadCounter = counter(
                meter,
                "openclaw.events.trimmed_unread",
                "Entries trimmed away before the group read them: events it lost");
        gauges.add(meter.upDownCounterBuilder("openclaw.events.in_flight")
                .setDescription("Entries read and not yet finished")
                .setUnit("{event}")
                .buildWithCallback(m -> m.record(inFlight.getAsInt(), attributes(null))));
        gauges.add(perStream(
                meter,
                "openclaw.events.pending",
                "Entries delivered to the group and not acknowledged, per stream",
                stream -> transport.pending(stream, group)));
        gauges.add(perStream(
                meter,
                "openclaw.events.lag",
                "Entries of the stream not yet delivered to the group",
                stream -> transport.lag(stream, group)));
    }

    private static LongCounter counter(Meter meter, String name, String description) {
        return meter.counterBuilder(name)
                .setDescription(description)
                .setUnit("{event}")
                .build();
    }

    /**
     * A gauge read from the transport for each stream when metrics are collected; a negative reading (the transport
     * cannot tell) and a failed one (Redis unreachable) record nothing for that stream this time.
     */
    private AutoCloseable perStream(Meter meter, String name, String description, ToLongFunction<String> reading) {
        return meter.gaugeBuilder(name)
                .ofLongs()
                .setDescription(description)
                .setUnit("{event}")
                .buildWithCallback(m -> {
                    for (String stream : streams) {
                        try {
                            long value = reading.applyAsLong(stream);
                            if (value >= 0) {
                                m.record(value, attributes(stream));
                            }
                        } catch (RuntimeException e) {
                            // unreachable: no reading this time
                        }
                    }
                });
    }

    private Attributes attributes(@Nullable String stream) {
        return attributes.computeIfAbsent(stream == null ? "" : stream, s -> {
            var b = Attributes.builder().put("messaging.consumer.group.name", group);
            if (!s.isEmpty()) {
                b.put("messaging.destination.name", s);
            }
            return b.build();
        });
    }

    /** Entries of a stream acknowledged after their handler returned. */
    public void processed(String stream, int count) {
        processed.addAndGet(count);
        processedCounter.add(count, attributes(stream));
    }

    /** A handler call that threw. */
    public void failed(String stream) {
        failed.incrementAndGet();
        failedCounter.add(1, attributes(stream));
    }

    /** A handler call that was a retry in place. */
    public void retried() {
        retried.incrementAndGet();
    }

    /** An entry written to its dead-letter stream. */
    public void deadLettered(String stream) {
        deadLettered.incrementAndGet();
        deadLetterCounter.add(1, attributes(stream));
    }

    /** An entry claimed from an idle consumer (this one included). */
    public void reclaimed(String stream, int count) {
        reclaimed.addAndGet(count);
        reclaimedCounter.add(count, attributes(stream));
    }

    /** Pending entries found trimmed away, acknowledged and dropped. */
    public void trimmed(int count) {
        trimmed.addAndGet(count);
    }

    /** Entries trimmed away before the group read them. */
    public void trimmedUnread(String stream, long count) {
        trimmedUnread.addAndGet(count);
        trimmedUnreadCounter.add(count, attributes(stream));
    }

    /** The counts: processed, failed, retried, dead-lettered, reclaimed, trimmed, trimmed unread. */
    public long[] counts() {
        return new long[] {
            processed.get(),
            failed.get(),
            retried.get(),
            deadLettered.get(),
            reclaimed.get(),
            trimmed.get(),
            trimmedUnread.get()
        };
    }

    /** Stops the observed instruments. */
    @Override
    public void close() {
        for (AutoCloseable g : gauges) {
            try {
                g.close();
            } catch (Exception ignored) {
                // an instrument that cannot be unregistered only keeps reporting zero
            }
        }
        gauges.clear();
    }
}
