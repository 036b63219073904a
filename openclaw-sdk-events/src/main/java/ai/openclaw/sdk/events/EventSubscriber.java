package ai.openclaw.sdk.events;

import ai.openclaw.sdk.contract.AcceptedVersions;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractVersion;
import ai.openclaw.sdk.contract.ContractViolation;
import ai.openclaw.sdk.contract.EventContract;
import ai.openclaw.sdk.internal.Arguments;
import ai.openclaw.sdk.internal.TraceMdc;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.policy.CallContext;
import ai.openclaw.sdk.policy.CallPolicies;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.NoGroupException;
import ai.openclaw.sdk.transport.StreamEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes one service to events, at least once. Build it, {@link #start()} it, {@link #close()} it.
 *
 * <pre>{@code
 * EventSubscriber subscriber = EventSubscriber.builder("billing-service", RedisTransport.create("redis://localhost"))
 *         .contracts(contracts)
 *         .on("user.created", UserCreated.class, (event, meta) -> billing.startTrial(event.userId()))
 *         .on("user.deleted", AcceptedVersions.parse("1.x"), UserDeleted.class, (e, meta) -> billing.cancel(e.userId()))
 *         .build();
 * subscriber.start();
 * }</pre>
 *
 * <ul>
 *   <li><b>Groups</b>: the consumer group is the service's name, created (with the stream) when missing and again when
 *       Redis answers NOGROUP (restarted empty, stream deleted; re-created from the stream's start, so nothing written
 *       meanwhile is skipped). The consumer name is unique per process.
 *   <li><b>At-least-once</b>: an entry is acknowledged only after its handler returns. A handler that throws is retried
 *       in place ({@link Builder#handlerAttempts}, exponential backoff); then the entry stays pending and is
 *       redelivered once idle past {@link Builder#processingTimeout} — to this or any live consumer, which also reclaims
 *       entries of crashed consumers. Pending entries whose data was trimmed away are acknowledged and counted.
 *   <li><b>Dead letters</b>: after {@link Builder#maxDeliveries} deliveries, and at once for an entry that is not JSON,
 *       not a CloudEvents envelope, breaks its contract, has no handler for its version or does not map to the
 *       handler's type, or is over {@link Builder#maxEventBytes}, the entry goes to the dead-letter stream ({@code <stream>.dlq}) with the reason, the original
 *       id and data, the delivery count and the group; it is acknowledged only once the dead letter is written.
 *   <li><b>Ordering</b> (optional, {@link Builder#orderedByKey}): events with the same key in stream order.
 *   <li><b>Metrics</b> (OpenTelemetry): {@code openclaw.events.processed}, {@code .failed}, {@code .dead_lettered},
 *       {@code .reclaimed}, {@code .in_flight}, {@code .pending}; see {@code docs/events.md}.
 *   <li><b>Bounded memory</b>: at most {@link Builder#maxInFlight} entries are read and not yet finished, whatever the
 *       backlog.
 *   <li><b>Tracing</b>: a CONSUMER span {@code process <type>} whose parent is the publisher's context.
 *   <li><b>Shutdown</b>: {@link #close()} stops reading, lets in-flight entries finish within {@link
 *       Builder#shutdownTimeout}, and leaves unfinished ones pending for another consumer.
 * </ul>
 */
public final class EventSubscriber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventSubscriber.class);
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private record Registration<T>(@Nullable AcceptedVersions versions, Class<T> type, EventHandler<T> handler) {}

    private final String group;
    private final String consumer;
    private final EventTransport transport;
    private final Map<String, List<Registration<?>>> handlers;
    private final Map<String, String> typeByStream;
    private final @Nullable ContractRegistry contracts;
    private final ObjectMapper json;
    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final Clock clock;
    private final boolean fromStart;
    private final int batchSize;
    private final Duration pollTimeout;
    private final Duration processingTimeout;
    private final Duration reclaimInterval;
    private final int maxDeliveries;
    private final int handlerAttempts;
    private final Duration retryBackoff;
    private final CallPolicies policies;
    private final Duration shutdownTimeout;
    private final String deadLetterSuffix;
    private final int maxEventBytes;
    private final Semaphore permits;
    private final int maxInFlight;
    private final int workerCount;
    private final @Nullable ExecutorService workers;
    private final ExecutorService @Nullable [] lanes;
    private final AtomicInteger nextLane = new AtomicInteger();
    private final ScheduledExecutorService reclaimer;
    private final io.opentelemetry.api.metrics.LongCounter processedCounter;
    private final io.opentelemetry.api.metrics.LongCounter failedCounter;
    private final io.opentelemetry.api.metrics.LongCounter deadLetterCounter;
    private final io.opentelemetry.api.metrics.LongCounter reclaimedCounter;
    private final java.util.List<AutoCloseable> gauges = new java.util.ArrayList<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong reclaimed = new AtomicLong();
    private final AtomicLong trimmed = new AtomicLong();
    private final java.util.concurrent.BlockingQueue<StreamEntry> acks;
    private final Duration ackInterval;
    private volatile boolean running;
    private volatile boolean started;
    private @Nullable Thread reader;
    private @Nullable Thread acker;
    private java.util.concurrent.@Nullable ScheduledFuture<?> reclaiming;
    private volatile java.time.@Nullable Instant readFailingSince;
    private volatile @Nullable String lastReadError;

    private EventSubscriber(Builder b) {
        this.group = b.service;
        this.consumer = b.consumerName != null ? b.consumerName : defaultConsumerName(b.service);
        this.transport = b.transport;
        Map<String, List<Registration<?>>> h = new LinkedHashMap<>();
        b.handlers.forEach((type, regs) -> h.put(type, List.copyOf(regs)));
        this.handlers = Map.copyOf(h);
        Map<String, String> streams = new LinkedHashMap<>();
        h.keySet().forEach(type -> streams.put(b.streamPrefix + type, type));
        this.typeByStream = streams;
        this.contracts = b.contracts;
        this.json = b.json;
        this.openTelemetry = b.openTelemetry;
        this.tracer = b.openTelemetry.getTracer("ai.openclaw.sdk.events");
        this.clock = b.clock;
        this.fromStart = b.fromStart;
        this.batchSize = b.batchSize;
        this.pollTimeout = b.pollTimeout;
        this.processingTimeout = b.processingTimeout;
        this.reclaimInterval = b.reclaimInterval != null
                ? b.reclaimInterval
                : min(b.processingTimeout.dividedBy(2), Duration.ofSeconds(10));
        this.maxDeliveries = b.maxDeliveries;
        this.handlerAttempts = b.handlerAttempts;
        this.retryBackoff = b.retryBackoff;
        this.policies = b.policies;
        this.shutdownTimeout = b.shutdownTimeout;
        this.deadLetterSuffix = b.deadLetterSuffix;
        this.maxEventBytes = b.maxEventBytes;
        this.maxInFlight = b.maxInFlight;
        this.workerCount = b.workers;
        this.permits = new Semaphore(b.maxInFlight);
        this.acks = new java.util.concurrent.ArrayBlockingQueue<>(b.maxInFlight);
        this.ackInterval = b.ackInterval;
        AtomicInteger n = new AtomicInteger();
        java.util.concurrent.ThreadFactory threads = r -> {
            Thread t = new Thread(r, "openclaw-events-" + group + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        if (b.orderedByKey) {
            // one single-threaded lane per worker: entries of one key always take the same lane, in stream order
            this.lanes = new ExecutorService[b.workers];
            for (int i = 0; i < b.workers; i++) {
                lanes[i] = Executors.newSingleThreadExecutor(threads);
            }
            this.workers = null;
        } else {
            this.lanes = null;
            this.workers = Executors.newFixedThreadPool(b.workers, threads);
        }
        var meter = b.openTelemetry.getMeter("ai.openclaw.sdk.events");
        this.processedCounter = meter.counterBuilder("openclaw.events.processed")
                .setDescription("Events handled and acknowledged")
                .setUnit("{event}")
                .build();
        this.failedCounter = meter.counterBuilder("openclaw.events.failed")
                .setDescription("Handler calls that threw (retries included)")
                .setUnit("{call}")
                .build();
        this.deadLetterCounter = meter.counterBuilder("openclaw.events.dead_lettered")
                .setDescription("Entries written to a dead-letter stream")
                .setUnit("{event}")
                .build();
        this.reclaimedCounter = meter.counterBuilder("openclaw.events.reclaimed")
                .setDescription("Entries claimed from idle consumers")
                .setUnit("{event}")
                .build();
        gauges.add(meter.upDownCounterBuilder("openclaw.events.in_flight")
                .setDescription("Entries read and not yet finished")
                .setUnit("{event}")
                .buildWithCallback(m -> m.record(inFlight.size(), attributes(null))));
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
        this.reclaimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openclaw-events-" + group + "-reclaim");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A gauge read from the transport for each stream when metrics are collected; a negative reading (the transport
     * cannot tell) and a failed one (Redis unreachable) record nothing for that stream this time.
     */
    private AutoCloseable perStream(
            io.opentelemetry.api.metrics.Meter meter,
            String name,
            String description,
            java.util.function.ToLongFunction<String> reading) {
        return meter.gaugeBuilder(name)
                .ofLongs()
                .setDescription(description)
                .setUnit("{event}")
                .buildWithCallback(m -> {
                    for (String stream : typeByStream.keySet()) {
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

    /** Metric attributes per stream (and for none), built once: they are used for every event. */
    private final Map<String, io.opentelemetry.api.common.Attributes> metricAttributes = new ConcurrentHashMap<>();

    private io.opentelemetry.api.common.Attributes attributes(@Nullable String stream) {
        return metricAttributes.computeIfAbsent(stream == null ? "" : stream, s -> {
            var b = io.opentelemetry.api.common.Attributes.builder().put("messaging.consumer.group.name", group);
            if (!s.isEmpty()) {
                b.put("messaging.destination.name", s);
            }
            return b.build();
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String defaultConsumerName(String service) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return service + "-" + host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFL);
    }

    /**
     * A builder for the subscriber of {@code service}.
     *
     * @param service this service's catalog name: the consumer group
     * @param transport where events come from
     */
    public static Builder builder(String service, EventTransport transport) {
        return new Builder(service, transport);
    }

    /** The consumer group: the service's name. */
    public String group() {
        return group;
    }

    /** This process's consumer name in the group. */
    public String consumerName() {
        return consumer;
    }

    /** The streams subscribed to. */
    public Set<String> streams() {
        return typeByStream.keySet();
    }

    /** The dead-letter stream of a stream. */
    public String deadLetterStreamOf(String stream) {
        return stream + deadLetterSuffix;
    }

    /** Counts of what the subscriber did since it started. */
    public SubscriberStats stats() {
        return new SubscriberStats(
                processed.get(),
                failed.get(),
                retried.get(),
                deadLettered.get(),
                reclaimed.get(),
                trimmed.get(),
                inFlight.size()); // not the permits: the reader holds some while it waits for entries
    }

    /** The transport, for health checks. */
    EventTransport transport() {
        return transport;
    }

    /** Why the subscriber's loops are not all alive, or null when they are; for health checks. */
    @Nullable
    String deadLoop() {
        if (!started) {
            return "not started";
        }
        if (!running) {
            return "stopped";
        }
        Thread r = reader;
        Thread a = acker;
        var reclaimTask = reclaiming;
        if (r == null || !r.isAlive()) {
            return "the reading loop has ended";
        }
        if (a == null || !a.isAlive()) {
            return "the acknowledging loop has ended";
        }
        if (reclaimTask == null || reclaimTask.isDone()) {
            return "the reclaiming loop has ended";
        }
        return null;
    }

    /** Since when reading has failed, or null when the last read worked; for health checks. */
    java.time.@Nullable Instant readFailingSince() {
        return readFailingSince;
    }

    /** The last read's failure; for health checks. */
    @Nullable
    String lastReadError() {
        return lastReadError;
    }

    /** Whether the subscriber is reading. */
    public boolean isRunning() {
        return running;
    }

    /**
     * Creates the groups that are missing and starts reading and reclaiming.
     *
     * @throws IllegalStateException when already started
     */
    public synchronized void start() {
        if (running || reader != null) {
            throw new IllegalStateException("the subscriber of " + group + " was started already");
        }
        ensureGroups(fromStart);
        running = true;
        Thread t = new Thread(this::readLoop, "openclaw-events-" + group + "-read");
        t.setDaemon(true);
        reader = t;
        Thread a = new Thread(this::ackLoop, "openclaw-events-" + group + "-ack");
        a.setDaemon(true);
        acker = a;
        a.start();
        t.start();
        long period = Math.max(50, reclaimInterval.toMillis());
        reclaiming = reclaimer.scheduleWithFixedDelay(this::reclaim, period, period, TimeUnit.MILLISECONDS);
        started = true;
        LOG.info("subscriber {} ({}) started on {}", group, consumer, typeByStream.keySet());
    }

    private void ensureGroups(boolean start) {
        for (String stream : typeByStream.keySet()) {
            transport.createGroup(stream, group, start);
        }
    }

    private void readLoop() {
        List<String> streams = List.copyOf(typeByStream.keySet());
        long backoff = 100;
        while (running) {
            try {
                if (!permits.tryAcquire(pollTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    continue; // every slot busy: memory stays bounded while a backlog waits in Redis
                }
                int available = 1 + permits.drainPermits();
                int count = Math.min(batchSize, available);
                permits.release(available - count);
                List<StreamEntry> entries;
                try {
                    entries = transport.read(group, consumer, streams, count, pollTimeout);
                } catch (RuntimeException e) {
                    permits.release(count);
                    throw e;
                }
                permits.release(count - entries.size());
                readFailingSince = null;
                dispatchAll(entries);
                backoff = 100;
            } catch (NoGroupException e) {
                LOG.warn("{}: re-creating consumer group {} ({})", consumer, group, e.getMessage());
                safely(() -> ensureGroups(true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (readFailingSince == null) {
                    readFailingSince = clock.instant();
                }
                lastReadError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn("{}: reading failed, retrying in {} ms: {}", consumer, backoff, e.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /**
     * Hands a read batch to the workers as a few tasks rather than one per entry (each task wakes a thread): one chunk
     * per worker, or one per ordering lane, each handled in stream order. The caller holds a permit per entry.
     */
    private void dispatchAll(List<StreamEntry> entries) {
        if (entries.size() <= 1) {
            entries.forEach(this::dispatch);
            return;
        }
        List<Chunk> chunks = new ArrayList<>();
        if (lanes != null) {
            Map<ExecutorService, List<StreamEntry>> byLane = new LinkedHashMap<>();
            for (StreamEntry e : entries) {
                byLane.computeIfAbsent(executorFor(e), k -> new ArrayList<>()).add(e);
            }
            byLane.forEach((lane, list) -> chunks.add(new Chunk(lane, list)));
        } else {
            ExecutorService pool = Objects.requireNonNull(workers);
            int size = (entries.size() + workerCount - 1) / workerCount;
            for (int i = 0; i < entries.size(); i += size) {
                chunks.add(new Chunk(pool, entries.subList(i, Math.min(entries.size(), i + size))));
            }
        }
        for (Chunk chunk : chunks) {
            chunk.entries().forEach(e -> inFlight.add(inFlightKey(e)));
            try {
                chunk.executor().execute(() -> chunk.entries().forEach(this::handleAndRelease));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                chunk.entries().forEach(this::finished); // shutting down: the entries stay pending for another consumer
            }
        }
    }

    private record Chunk(ExecutorService executor, List<StreamEntry> entries) {}

    private void handleAndRelease(StreamEntry entry) {
        boolean queued = false;
        try {
            queued = handle(entry);
        } catch (RuntimeException e) {
            LOG.warn("{}: entry {} of {} left pending: {}", consumer, entry.id(), entry.stream(), e.toString());
        } finally {
            if (!queued) {
                finished(entry);
            }
        }
    }

    /** Hands an entry to a worker (its key's lane when ordered); the caller holds a permit for it. */
    private void dispatch(StreamEntry entry) {
        inFlight.add(inFlightKey(entry));
        try {
            executorFor(entry).execute(() -> handleAndRelease(entry));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.remove(inFlightKey(entry));
            permits.release(); // shutting down: the entry stays pending for another consumer
        }
    }

    /** Entry ids are unique within a stream only. */
    private static String inFlightKey(StreamEntry entry) {
        return entry.stream() + " " + entry.id();
    }

    /** The entry's slot is free again: its permit goes back and it no longer counts as in flight. */
    private void finished(StreamEntry entry) {
        inFlight.remove(inFlightKey(entry));
        permits.release();
    }

    /**
     * Acknowledges handled entries in batches: one XACK per stream per round rather than one per entry. An entry keeps
     * its in-flight slot until its acknowledgement is written, so memory stays bounded and nothing is acknowledged
     * before its handler returned.
     */
    private void ackLoop() {
        List<StreamEntry> batch = new ArrayList<>();
        while (running || !acks.isEmpty() || hasUnfinishedWork()) {
            try {
                StreamEntry first = acks.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // gather what else finishes within the ack interval, then write one XACK per stream
                long deadline = System.nanoTime() + ackInterval.toNanos();
                while (batch.size() < 512) {
                    acks.drainTo(batch);
                    long left = deadline - System.nanoTime();
                    StreamEntry next = left > 0 ? acks.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acks.drainTo(batch);
                flush(batch);
                return;
            }
            batch.clear();
        }
    }

    private boolean hasUnfinishedWork() {
        return !inFlight.isEmpty() && executors().stream().anyMatch(e -> !e.isTerminated());
    }

    private void flush(List<StreamEntry> batch) {
        Map<String, List<StreamEntry>> byStream = new LinkedHashMap<>();
        for (StreamEntry e : batch) {
            byStream.computeIfAbsent(e.stream(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<StreamEntry>> s : byStream.entrySet()) {
            try {
                transport.ack(
                        s.getKey(),
                        group,
                        s.getValue().stream().map(StreamEntry::id).toList());
                processed.addAndGet(s.getValue().size());
                processedCounter.add(s.getValue().size(), attributes(s.getKey()));
            } catch (RuntimeException e) {
                // not acknowledged: the entries stay pending and are reclaimed; handled again, at least once
                LOG.warn(
                        "{}: acknowledging {} entries of {} failed: {}",
                        consumer,
                        s.getValue().size(),
                        s.getKey(),
                        e.toString());
            }
            s.getValue().forEach(this::finished);
        }
    }

    private ExecutorService executorFor(StreamEntry entry) {
        if (lanes == null) {
            return Objects.requireNonNull(workers);
        }
        String key = partitionKeyOf(entry.data());
        int lane = key == null
                ? Math.floorMod(nextLane.getAndIncrement(), lanes.length)
                : Math.floorMod(key.hashCode(), lanes.length);
        return lanes[lane];
    }

    /** The envelope's partitionkey, read without mapping the payload; null when absent or unreadable. */
    private @Nullable String partitionKeyOf(@Nullable String data) {
        if (data == null) {
            return null;
        }
        try (var parser = json.getFactory().createParser(data)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("partitionkey".equals(name)) {
                    return parser.getValueAsString();
                }
                parser.skipChildren();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null; // malformed: handled (and dead-lettered) by a worker
        }
        return null;
    }

    private void reclaim() {
        for (String stream : typeByStream.keySet()) {
            if (!running) {
                return;
            }
            try {
                int free = permits.availablePermits();
                if (free == 0) {
                    return;
                }
                EventTransport.Claim claim =
                        transport.claimIdle(stream, group, consumer, processingTimeout, Math.min(batchSize, free));
                if (!claim.trimmed().isEmpty()) {
                    trimmed.addAndGet(claim.trimmed().size());
                    LOG.warn(
                            "{}: {} pending entries of {} were trimmed away before being handled; acknowledged",
                            consumer,
                            claim.trimmed().size(),
                            stream);
                }
                for (StreamEntry entry : claim.entries()) {
                    if (inFlight.contains(inFlightKey(entry))) {
                        continue; // still being handled here: not stuck, only slow
                    }
                    reclaimed.incrementAndGet();
                    reclaimedCounter.add(1, attributes(stream));
                    permits.acquire();
                    dispatch(entry);
                }
            } catch (NoGroupException e) {
                safely(() -> ensureGroups(true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("{}: reclaiming {} failed: {}", consumer, stream, e.toString());
            }
        }
    }

    /** Handles an entry; true when it was queued for acknowledgement (which then frees its slot). */
    private boolean handle(StreamEntry entry) {
        String type = typeByStream.get(entry.stream());
        if (entry.data() != null
                && entry.data().length() > maxEventBytes / 4
                && entry.data().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxEventBytes) {
            deadLetter(entry, null, "malformed: the entry is over the size limit of " + maxEventBytes + " bytes");
            return false;
        }
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.parse(entry.data(), json);
        } catch (MalformedEventException e) {
            deadLetter(entry, null, "malformed: " + e.getMessage());
            return false;
        }
        if (!envelope.type().equals(type)) {
            deadLetter(entry, envelope, "malformed: type '" + envelope.type() + "' on the stream of '" + type + "'");
            return false;
        }
        Optional<ContractVersion> version;
        try {
            version = envelope.contractVersion().map(ContractVersion::parse);
        } catch (IllegalArgumentException e) {
            deadLetter(entry, envelope, "malformed: " + e.getMessage());
            return false;
        }
        Registration<?> registration = registrationFor(type, version).orElse(null);
        if (registration == null) {
            deadLetter(
                    entry,
                    envelope,
                    "no handler accepts " + type + " "
                            + version.map(Object::toString).orElse("(no version)"));
            return false;
        }
        if (contracts != null
                && (version.isPresent() || !contracts.eventContracts(type).isEmpty())) {
            Optional<EventContract> contract = version.isPresent()
                    ? contracts.eventContract(type, version.get())
                    : newestAccepted(type, registration.versions());
            if (contract.isEmpty()) {
                deadLetter(
                        entry,
                        envelope,
                        version.isPresent()
                                ? "no contract for " + type + " " + version.get()
                                : "no contract of " + type + " that the handler accepts (" + registration.versions()
                                        + ") to check an event without a version against");
                return false;
            }
            List<ContractViolation> violations = contract.get().validate(envelope.data());
            if (!violations.isEmpty()) {
                deadLetter(
                        entry,
                        envelope,
                        "contract violated: "
                                + String.join(
                                        "; ",
                                        violations.stream()
                                                .map(ContractViolation::toString)
                                                .toList()));
                return false;
            }
        }
        return run(entry, envelope, registration);
    }

    /**
     * The handler of an event: the first that accepts its version. An event without a version is taken as the newest
     * version a handler accepts: the first handler that accepts any version, else the first one.
     */
    private Optional<Registration<?>> registrationFor(String type, Optional<ContractVersion> version) {
        List<Registration<?>> registered = handlers.getOrDefault(type, List.of());
        for (Registration<?> r : registered) {
            if (r.versions() == null || (version.isPresent() && r.versions().accepts(version.get()))) {
                return Optional.of(r);
            }
        }
        return version.isEmpty() && !registered.isEmpty() ? Optional.of(registered.get(0)) : Optional.empty();
    }

    /** The newest contract of the type that the handler accepts: what an event without a version is checked against. */
    private Optional<EventContract> newestAccepted(String type, @Nullable AcceptedVersions accepted) {
        List<EventContract> all = Objects.requireNonNull(contracts).eventContracts(type);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (accepted == null || accepted.accepts(all.get(i).version())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private <T> boolean run(StreamEntry entry, EventEnvelope envelope, Registration<T> registration) {
        T payload;
        try {
            payload = registration.type() == EventEnvelope.class
                    ? registration.type().cast(envelope)
                    : json.treeToValue(envelope.data(), registration.type());
        } catch (Exception e) {
            deadLetter(
                    entry,
                    envelope,
                    "the payload does not map to " + registration.type().getSimpleName() + ": " + e.getMessage());
            return false;
        }
        Context parent = openTelemetry
                .getPropagators()
                .getTextMapPropagator()
                .extract(Context.root(), envelope.traceContext(), GETTER);
        Span span = tracer.spanBuilder("process " + envelope.type())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "redis")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", entry.stream())
                .setAttribute("messaging.consumer.group.name", group)
                .setAttribute("messaging.message.id", envelope.id())
                .setAttribute("messaging.message.delivery_count", entry.deliveries())
                .startSpan();
        EventMetadata metadata = new EventMetadata(envelope, entry.stream(), entry.id(), entry.deliveries());
        Exception last = null;
        try (Scope ignored = span.makeCurrent();
                TraceMdc mdc = TraceMdc.of(span)) {
            for (int attempt = 1; attempt <= handlerAttempts; attempt++) {
                if (attempt > 1) {
                    retried.incrementAndGet();
                    sleep(retryBackoff.toMillis() << Math.min(attempt - 2, 10));
                }
                try {
                    policies.forTarget(entry.stream())
                            .execute(new CallContext(entry.stream(), "handle " + envelope.type(), true), () -> {
                                registration.handler().handle(payload, metadata);
                                return null;
                            });
                    acks.put(entry); // bounded by maxInFlight: never blocks long
                    return true;
                } catch (Exception e) {
                    failed.incrementAndGet();
                    failedCounter.add(1, attributes(entry.stream()));
                    last = e;
                    if (!running && attempt < handlerAttempts) {
                        break; // shutting down: leave the entry pending rather than wait for retries
                    }
                }
            }
        } finally {
            if (last != null) {
                span.recordException(last);
                span.setStatus(StatusCode.ERROR, String.valueOf(last.getMessage()));
            }
            span.end();
        }
        if (entry.deliveries() >= maxDeliveries) {
            deadLetter(
                    entry,
                    envelope,
                    "the handler failed on each of " + entry.deliveries() + " deliveries: "
                            + last.getClass().getName() + ": " + last.getMessage());
        } else {
            LOG.debug(
                    "{}: {} {} failed on delivery {}; left pending for redelivery",
                    consumer,
                    envelope.type(),
                    entry.id(),
                    entry.deliveries());
        }
        return false;
    }

    /** Writes the dead letter, then acknowledges the entry; when the write fails the entry stays pending. */
    private void deadLetter(StreamEntry entry, @Nullable EventEnvelope envelope, String reason) {
        ObjectNode letter = json.createObjectNode();
        letter.put("reason", reason);
        letter.put("stream", entry.stream());
        letter.put("originalId", entry.id());
        letter.put("group", group);
        letter.put("consumer", consumer);
        letter.put("deliveries", entry.deliveries());
        letter.put("deadLetteredAt", clock.instant().toString());
        if (envelope != null) {
            letter.put("eventId", envelope.id());
        }
        letter.put("data", entry.data());
        try {
            transport
                    .append(deadLetterStreamOf(entry.stream()), letter.toString(), ai.openclaw.sdk.transport.Trim.NONE)
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            transport.ack(entry.stream(), group, List.of(entry.id()));
            deadLettered.incrementAndGet();
            deadLetterCounter.add(1, attributes(entry.stream()));
            LOG.warn("{}: entry {} of {} dead-lettered: {}", consumer, entry.id(), entry.stream(), reason);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn(
                    "{}: could not dead-letter entry {} of {} ({}); it stays pending",
                    consumer,
                    entry.id(),
                    entry.stream(),
                    e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("{}", e.toString());
        }
    }

    /**
     * Stops reading, lets in-flight entries finish within the shutdown timeout, and stops. Entries not finished stay
     * pending: another consumer reclaims them. Does not close the transport.
     */
    @Override
    public void close() {
        Thread r;
        synchronized (this) {
            if (!running) {
                executors().forEach(ExecutorService::shutdownNow);
                reclaimer.shutdownNow();
                closeGauges();
                return;
            }
            running = false;
            r = reader;
        }
        reclaimer.shutdownNow();
        if (r != null) {
            try {
                r.join(pollTimeout.toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ExecutorService> all = executors();
        all.forEach(ExecutorService::shutdown);
        closeGauges();
        try {
            long deadline = System.nanoTime() + shutdownTimeout.toNanos();
            boolean done = true;
            for (ExecutorService e : all) {
                done &= e.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            if (!done) {
                LOG.warn(
                        "{}: {} entries unfinished after {}; they stay pending for another consumer",
                        consumer,
                        inFlight.size(),
                        shutdownTimeout);
                all.forEach(ExecutorService::shutdownNow);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.forEach(ExecutorService::shutdownNow);
        }
        Thread a = acker;
        if (a != null) {
            try {
                a.join(5_000); // flushes what the finished entries left to acknowledge
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("subscriber {} ({}) stopped: {}", group, consumer, stats());
    }

    private List<ExecutorService> executors() {
        List<ExecutorService> all = new ArrayList<>();
        if (workers != null) {
            all.add(workers);
        }
        if (lanes != null) {
            all.addAll(List.of(lanes));
        }
        return all;
    }

    private void closeGauges() {
        for (AutoCloseable g : gauges) {
            try {
                g.close();
            } catch (Exception ignored) {
                // an instrument that cannot be unregistered only keeps reporting zero
            }
        }
        gauges.clear();
    }

    /** Builds an {@link EventSubscriber}. Not thread-safe. */
    public static final class Builder {
        private final String service;
        private final EventTransport transport;
        private final Map<String, List<Registration<?>>> handlers = new LinkedHashMap<>();
        private @Nullable String consumerName;
        private @Nullable ContractRegistry contracts;
        private ObjectMapper json = JsonMappers.standard();
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private Clock clock = Clock.systemUTC();
        private String streamPrefix = "";
        private boolean fromStart;
        private int workers = 4;
        private int maxInFlight = 64;
        private int batchSize = 16;
        private Duration pollTimeout = Duration.ofSeconds(1);
        private Duration processingTimeout = Duration.ofSeconds(30);
        private @Nullable Duration reclaimInterval;
        private int maxDeliveries = 5;
        private int handlerAttempts = 3;
        private Duration retryBackoff = Duration.ofMillis(100);
        private CallPolicies policies = CallPolicies.none();
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private String deadLetterSuffix = ".dlq";
        private int maxEventBytes = EventPublisher.DEFAULT_MAX_EVENT_BYTES;
        private boolean orderedByKey;
        private Duration ackInterval = Duration.ofMillis(2);

        private Builder(String service, EventTransport transport) {
            this.service = Objects.requireNonNull(service, "service");
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /** Handles every version of an event type with a typed payload. */
        public <T> Builder on(String eventType, Class<T> payloadType, EventHandler<T> handler) {
            return register(eventType, null, payloadType, handler);
        }

        /** Handles the versions of an event type that {@code versions} accepts; register several for several. */
        public <T> Builder on(
                String eventType, AcceptedVersions versions, Class<T> payloadType, EventHandler<T> handler) {
            return register(eventType, Objects.requireNonNull(versions, "versions"), payloadType, handler);
        }

        /** Handles every version of an event type with the whole envelope. */
        public Builder onEnvelope(String eventType, EventHandler<EventEnvelope> handler) {
            return register(eventType, null, EventEnvelope.class, handler);
        }

        private <T> Builder register(
                String eventType, @Nullable AcceptedVersions versions, Class<T> payloadType, EventHandler<T> handler) {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(payloadType, "payloadType");
            Objects.requireNonNull(handler, "handler");
            handlers.computeIfAbsent(eventType, t -> new ArrayList<>())
                    .add(new Registration<>(versions, payloadType, handler));
            return this;
        }

        /** This process's consumer name; default service, host, process id and a random suffix. */
        public Builder consumerName(String name) {
            this.consumerName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Contracts to validate received payloads against (their envelope's contract version). */
        public Builder contracts(ContractRegistry contracts) {
            this.contracts = Objects.requireNonNull(contracts, "contracts");
            return this;
        }

        /**
         * The JSON mapper for payloads; default {@link ai.openclaw.sdk.json.JsonMappers#standard()}. Give the
         * publishers' mapper where you changed theirs.
         */
        public Builder objectMapper(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** The OpenTelemetry to trace with; default no-op. */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** The clock of dead-letter times. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The prefix before event types in stream keys; must match the publishers'. */
        public Builder streamPrefix(String prefix) {
            this.streamPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Whether a new group starts with the entries already in the stream; default false (new entries only). */
        public Builder startFromBeginning(boolean fromStart) {
            this.fromStart = fromStart;
            return this;
        }

        /** Worker threads running handlers; default 4. */
        public Builder workers(int workers) {
            this.workers = positive("workers", workers);
            return this;
        }

        /** Entries read and not yet finished, at most; default 64. */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = positive("maxInFlight", maxInFlight);
            return this;
        }

        /** Entries read per call; default 16. */
        public Builder batchSize(int batchSize) {
            this.batchSize = positive("batchSize", batchSize);
            return this;
        }

        /** How long a read waits for new entries; default 1 s. Also bounds how long {@link #close()} waits to stop reading. */
        public Builder pollTimeout(Duration timeout) {
            this.pollTimeout = Arguments.positive("pollTimeout", timeout);
            return this;
        }

        /** How long an entry may stay unacknowledged before any consumer reclaims it; default 30 s. */
        public Builder processingTimeout(Duration timeout) {
            this.processingTimeout = Arguments.positive("processingTimeout", timeout);
            return this;
        }

        /** How often idle entries are looked for; default half the processing timeout, at most 10 s. */
        public Builder reclaimInterval(Duration interval) {
            this.reclaimInterval = Arguments.positive("reclaimInterval", interval);
            return this;
        }

        /** Deliveries after which a failing entry is dead-lettered; default 5. */
        public Builder maxDeliveries(int deliveries) {
            this.maxDeliveries = positive("maxDeliveries", deliveries);
            return this;
        }

        /** Handler calls per delivery (1 = no in-place retry); default 3. */
        public Builder handlerAttempts(int attempts) {
            this.handlerAttempts = positive("handlerAttempts", attempts);
            return this;
        }

        /**
         * A call policy around each handler attempt, by stream ({@code ResiliencePolicies} from
         * {@code openclaw-sdk-resilience}): its retries (on failures it deems retryable, such as a
         * {@code ServiceUnavailableException} from a service the handler calls) and circuit breaker apply before the
         * entry is left for redelivery and, in the end, dead-lettered. Each of the {@link #handlerAttempts} runs
         * through the policy, so the attempts multiply: with a retrying policy, set {@code handlerAttempts(1)}.
         * Default: none.
         */
        public Builder policies(CallPolicies policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        /** The first in-place retry's delay, doubling after; default 100 ms. */
        public Builder retryBackoff(Duration backoff) {
            this.retryBackoff = Arguments.positive("retryBackoff", backoff);
            return this;
        }

        /** How long {@link #close()} lets in-flight entries finish; default 10 s. */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = Arguments.positive("shutdownTimeout", timeout);
            return this;
        }

        /** The suffix of dead-letter streams; default {@code .dlq}. */
        public Builder deadLetterSuffix(String suffix) {
            if (Objects.requireNonNull(suffix, "suffix").isEmpty()) {
                throw new IllegalArgumentException("deadLetterSuffix must not be empty");
            }
            this.deadLetterSuffix = suffix;
            return this;
        }

        /**
         * How long handled entries may wait to be acknowledged together in one XACK; default 2 ms. An entry keeps its
         * in-flight slot until acknowledged; a crash in that window means it is handled again (at least once).
         */
        public Builder ackInterval(Duration interval) {
            this.ackInterval = Arguments.positive("ackInterval", interval);
            return this;
        }

        /**
         * Whether events with the same ordering key ({@code partitionkey}) are handled one at a time, in stream order.
         * Holds within this subscriber process: Redis Streams hand a key's entries to whichever consumer of the group
         * reads them, so across replicas order per key holds only with one consumer per group. An entry that fails is
         * retried in place, holding its key back; if it still fails it stays pending and the key's later entries go on.
         * Default false.
         */
        public Builder orderedByKey(boolean ordered) {
            this.orderedByKey = ordered;
            return this;
        }

        /** The largest entry handled; larger ones are dead-lettered unread. Default 1 MiB, as publishers. */
        public Builder maxEventBytes(int bytes) {
            this.maxEventBytes = positive("maxEventBytes", bytes);
            return this;
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, was " + value);
            }
            return value;
        }

        /**
         * Builds the subscriber.
         *
         * @throws IllegalStateException when no handler was registered
         */
        public EventSubscriber build() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException("register at least one handler with on(...)");
            }
            return new EventSubscriber(this);
        }
    }
}
