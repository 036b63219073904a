package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.events.SubscriberConfig;
import ai.openclaw.sdk.policy.CallPolicies;
import ai.openclaw.sdk.policy.CallPolicy;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.StreamEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscriber's machinery, each part with one job: {@link Reader} reads, {@link Dispatcher} hands entries to workers,
 * {@link EntryProcessor} decides each entry's fate, {@link DeadLetterer} writes dead letters, {@link Acknowledger}
 * acknowledges (the only place that does), {@link Reclaimer} takes over orphans; {@link Slots} bounds what is in
 * flight. This class wires them and runs their threads; {@code EventSubscriber} is its facade.
 */
public final class SubscriberEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberEngine.class);

    private final String group;
    private final String consumer;
    private final EventTransport transport;
    private final SubscriberConfig config;
    private final Map<String, String> typeByStream;
    private final Slots slots;
    /** Entries read and not finished. */
    private final InFlight inFlight;

    private final SubscriberMetrics metrics;
    private final Acknowledger acknowledger;
    private final DeadLetterer deadLetterer;
    private final EntryProcessor processor;
    private final Dispatcher dispatcher;
    private final Reader reader;
    private final Reclaimer reclaimer;
    private final ScheduledExecutorService reclaiming;
    private volatile boolean running;
    private volatile boolean started;
    /** Set by close once reading has stopped and the workers are done (or given up on): nothing more to acknowledge. */
    private volatile boolean drained;

    private @Nullable Thread readThread;
    private @Nullable Thread ackThread;
    private @Nullable ScheduledFuture<?> reclaimTask;

    /**
     * The machinery of one subscriber.
     *
     * @param policies the call policies of handler calls, by stream; null for in-place retries as configured
     */
    public SubscriberEngine(
            String group,
            String consumer,
            EventTransport transport,
            Map<String, List<Registration<?>>> handlers,
            @Nullable ContractRegistry contracts,
            ObjectMapper json,
            OpenTelemetry openTelemetry,
            Clock clock,
            @Nullable CallPolicies policies,
            SubscriberConfig config) {
        this.group = group;
        this.consumer = consumer;
        this.transport = transport;
        this.config = config;
        Map<String, String> streams = new java.util.LinkedHashMap<>();
        handlers.keySet().forEach(type -> streams.put(WireNames.stream(config.streamPrefix(), type), type));
        this.typeByStream = java.util.Collections.unmodifiableMap(streams);
        List<String> streamList = List.copyOf(typeByStream.keySet());
        this.inFlight = new InFlight(streamList);
        this.slots = new Slots(config.maxInFlight());
        this.metrics = new SubscriberMetrics(openTelemetry, group, typeByStream.keySet(), transport, inFlight::size);
        this.acknowledger = new Acknowledger(
                transport, group, consumer, config.ackInterval(), config.maxInFlight(), metrics, this::acknowledged);
        this.deadLetterer =
                new DeadLetterer(transport, json, clock, group, consumer, config.deadLetterSuffix(), metrics);
        CallPolicy retryInPlace =
                new InPlaceRetry(config.handlerAttempts(), config.retryBackoff(), () -> running, metrics::retried);
        Function<String, CallPolicy> inPlace = policies == null ? stream -> retryInPlace : policies::forTarget;
        this.processor = new EntryProcessor(
                group,
                typeByStream,
                Map.copyOf(handlers),
                contracts,
                json,
                openTelemetry,
                config.maxEventBytes(),
                config.maxDeliveries(),
                inPlace,
                metrics,
                () -> running);
        this.dispatcher = new Dispatcher(
                group, config.workers(), config.orderedByKey(), json.getFactory(), this::work, this::finished);
        this.reader = new Reader(
                transport,
                group,
                consumer,
                streamList,
                config.batchSize(),
                config.pollTimeout(),
                slots,
                clock,
                () -> running,
                this::dispatch,
                this::recreateGroups);
        this.reclaimer = new Reclaimer(
                transport,
                group,
                consumer,
                streamList,
                config.processingTimeout(),
                config.reclaimInterval(),
                config.deadConsumerTimeout(),
                config.batchSize(),
                slots,
                e -> inFlight.contains(e.stream(), e.id()),
                inFlight::size,
                () -> running,
                this::dispatch,
                acknowledger,
                metrics,
                this::recreateGroups);
        this.reclaiming = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openclaw-events-" + group + "-reclaim");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Entries read or claimed, each holding a slot until its handling is over, and in flight (not to be reclaimed)
     * until it is acknowledged or left pending.
     */
    private void dispatch(List<StreamEntry> entries) {
        entries.forEach(inFlight::add);
        dispatcher.dispatch(entries);
    }

    /** A worker's part: the verdict, then what follows it. */
    private void work(StreamEntry entry) {
        EntryProcessor.Verdict verdict;
        try {
            verdict = processor.process(entry);
        } catch (RuntimeException e) {
            LOG.warn("{}: entry {} of {} left pending: {}", consumer, entry.id(), entry.stream(), e.toString());
            verdict = EntryProcessor.Verdict.LEAVE;
        }
        try {
            switch (verdict.kind()) {
                case HANDLED -> acknowledge(entry, Acknowledger.Reason.HANDLED);
                case DEAD_LETTER -> {
                    if (deadLetterer.write(
                            entry, verdict.envelope(), java.util.Objects.requireNonNull(verdict.reason()))) {
                        acknowledge(entry, Acknowledger.Reason.DEAD_LETTERED);
                    } else {
                        finished(entry); // stays pending: tried again when reclaimed
                    }
                }
                case LEAVE_PENDING -> finished(entry);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished(entry); // not acknowledged: it stays pending, and is handled again (at least once)
        }
    }

    /** The entry's slot is free again; it is not in flight any more. */
    private void finished(StreamEntry entry) {
        if (inFlight.remove(entry)) {
            slots.release(1);
        }
    }

    /**
     * Its handling is over: the acknowledgement is queued (a stream and an id, not the data), so the slot is free for
     * the next entry; it stays in flight until the acknowledgement is written.
     */
    private void acknowledge(StreamEntry entry, Acknowledger.Reason reason) throws InterruptedException {
        acknowledger.acknowledge(entry, reason);
        slots.release(1);
    }

    /** Acknowledged (or tried: a failed XACK leaves them pending, to be reclaimed): not in flight any more. */
    private void acknowledged(String stream, List<String> ids) {
        ids.forEach(id -> inFlight.remove(stream, id));
    }

    private void recreateGroups() {
        try {
            ensureGroups(true);
        } catch (RuntimeException e) {
            LOG.warn("{}: re-creating the consumer groups failed: {}", consumer, e.toString());
        }
    }

    private void ensureGroups(boolean fromStart) {
        for (String stream : typeByStream.keySet()) {
            transport.createGroup(stream, group, fromStart);
        }
    }

    /**
     * Creates the missing groups and starts reading, acknowledging and reclaiming.
     *
     * @throws IllegalStateException when started before
     */
    public synchronized void start() {
        if (running || readThread != null) {
            throw new IllegalStateException("the subscriber of " + group + " was started already");
        }
        ensureGroups(config.startFromBeginning());
        reclaimer.baseline();
        running = true;
        Thread a = new Thread(
                // not "while running": a read answered after close began still dispatches, and what it hands the
                // workers is acknowledged before the loop ends
                () -> acknowledger.run(() -> !drained), "openclaw-events-" + group + "-ack");
        a.setDaemon(true);
        ackThread = a;
        Thread r = new Thread(reader, "openclaw-events-" + group + "-read");
        r.setDaemon(true);
        readThread = r;
        a.start();
        r.start();
        long period = Math.max(50, config.reclaimInterval().toMillis());
        reclaimTask = reclaiming.scheduleWithFixedDelay(reclaimer, period, period, TimeUnit.MILLISECONDS);
        started = true;
        LOG.info("subscriber {} ({}) started on {}", group, consumer, typeByStream.keySet());
    }

    /**
     * Stops reading and reclaiming, lets in-flight entries finish within the shutdown timeout, acknowledges them, and
     * leaves the rest pending for another consumer.
     */
    public void close() {
        Thread r;
        synchronized (this) {
            if (!running) {
                dispatcher.shutdownNow();
                reclaiming.shutdownNow();
                metrics.close();
                return;
            }
            running = false;
            r = readThread;
        }
        reclaiming.shutdownNow();
        try {
            if (r != null) {
                r.join(config.pollTimeout().toMillis() + 2_000);
            }
            if (!dispatcher.shutdown(config.shutdownTimeout())) {
                LOG.warn(
                        "{}: {} entries unfinished after {}; they stay pending for another consumer",
                        consumer,
                        inFlight.size(),
                        config.shutdownTimeout());
            }
            drained = true;
            Thread a = ackThread;
            if (a != null) {
                a.join(5_000); // flushes what the finished entries left to acknowledge
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dispatcher.shutdownNow();
            drained = true;
        }
        metrics.close();
        LOG.info("subscriber {} ({}) stopped", group, consumer);
    }

    /** The streams read, to their event types. */
    public Map<String, String> typeByStream() {
        return typeByStream;
    }

    /** Whether reading. */
    public boolean isRunning() {
        // both: "running" is set before the loops' threads exist, "started" once they do
        return running && started;
    }

    /** The counts (see {@link SubscriberMetrics#counts()}) and, last, the entries in flight now. */
    public long[] stats() {
        long[] counts = metrics.counts();
        long[] out = java.util.Arrays.copyOf(counts, counts.length + 1);
        out[counts.length] = inFlight.size();
        return out;
    }

    /** Why the loops are not all alive, or null when they are; for health checks. */
    public @Nullable String deadLoop() {
        if (!started) {
            return "not started";
        }
        if (!running) {
            return "stopped";
        }
        Thread r = readThread;
        Thread a = ackThread;
        ScheduledFuture<?> task = reclaimTask;
        if (r == null || !r.isAlive()) {
            return "the reading loop has ended";
        }
        if (a == null || !a.isAlive()) {
            return "the acknowledging loop has ended";
        }
        if (task == null || task.isDone()) {
            return "the reclaiming loop has ended";
        }
        return null;
    }

    /** Since when reading has failed, or null when the last read worked. */
    public @Nullable Instant readFailingSince() {
        return reader.failingSince();
    }

    /** The last read's failure. */
    public @Nullable String lastReadError() {
        return reader.lastError();
    }
}
