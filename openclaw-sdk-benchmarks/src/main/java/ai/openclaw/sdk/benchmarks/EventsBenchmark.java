package ai.openclaw.sdk.benchmarks;

import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractVersion;
import ai.openclaw.sdk.contract.EventContract;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisServer;
import ai.openclaw.sdk.transport.Trim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's publisher and subscriber against raw Lettuce on the same redis-server, in one run. The SDK publishes the
 * seed's user.created with contract validation, envelope and tracing through a no-op OpenTelemetry; the raw side XADDs
 * the same bytes. Consuming: the SDK subscriber (read, parse, validate, map, handle, ack) against a raw XREADGROUP /
 * XACK loop doing the same work with Jackson and networknt (and one that skips validation), each draining
 * {@value #DRAIN} entries.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EventsBenchmark {
    static final int BATCH = 100;
    static final int DRAIN = 50_000;
    static final String TYPE = "user.created";
    static final Trim TRIM = Trim.maxLength(200_000);

    record UserCreated(String userId, String email, String name, String createdAt) {}

    private RedisServer redis;
    private RedisTransport transport;
    private EventPublisher publisher;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> sync;
    private RedisAsyncCommands<String, String> async;
    private StatefulRedisConnection<String, String> transactionConnection;
    private RedisAsyncCommands<String, String> transactionAsync;
    private String envelope;
    private UserCreated payload;
    private XAddArgs rawTrim;
    private ContractRegistry contracts;
    private String rawDataSchema;

    @Setup
    public void setUp() throws Exception {
        redis = RedisServer.builder().appendOnly(false).start();
        transport = RedisTransport.create(redis.uri().toString());
        contracts = ContractRegistry.of(
                List.of(EventContract.of(
                        TYPE, ContractVersion.parse("1.0"), new ObjectMapper().readTree(ContractBenchmark.SCHEMA))),
                List.of());
        publisher = EventPublisher.builder("user-service", transport)
                .contracts(contracts)
                .trim(TRIM)
                .build();
        payload = new UserCreated("u-1", "ada@example.com", "Ada Lovelace", "2026-11-22T10:00:00Z");
        client = RedisClient.create(redis.uri().toString());
        connection = client.connect();
        sync = connection.sync();
        async = connection.async();
        transactionConnection = client.connect(); // MULTI holds a connection: not the shared one
        transactionAsync = transactionConnection.async();
        rawTrim = new XAddArgs().maxlen(TRIM.maxLength()).approximateTrimming();
        publisher.publish(TYPE, payload);
        envelope = sync.xrange(TYPE, io.lettuce.core.Range.create("-", "+"))
                .get(0)
                .getBody()
                .get("data");
        rawDataSchema = rawMapper.readTree(envelope).path("dataschema").asText(null);
    }

    /** The redis-server's process id, as it reports it: {@link PublishPairs} reads its CPU time. */
    long redisPid() {
        for (String line : sync.info("server").split("\r?\n")) {
            if (line.startsWith("process_id:")) {
                return Long.parseLong(line.substring("process_id:".length()).trim());
            }
        }
        throw new IllegalStateException("redis-server did not say its process id");
    }

    @TearDown
    public void tearDown() {
        connection.close();
        transactionConnection.close();
        client.shutdown();
        transport.close();
        redis.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String sdkPublish() {
        return publisher.publish(TYPE, payload);
    }

    /**
     * The same work as {@link #sdkPublish}, written directly on Lettuce, Jackson and networknt: the payload validated
     * against the same schema, a CloudEvents envelope with a random id and the time written, XADD with the same trim,
     * waited for. The async API and a wait: Lettuce's sync API goes through a dynamic proxy, work the SDK does not do.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String rawPublish() throws Exception {
        return async.xadd(TYPE, rawTrim, Map.of("data", rawEnvelope())).get();
    }

    /** As {@link #rawPublish} with an envelope written once ahead: the wire alone, the floor no producer goes below. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String rawPublish_prebuilt() throws Exception {
        return async.xadd(TYPE, rawTrim, Map.of("data", envelope)).get();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public List<String> sdkPublishPipelined() {
        List<EventPublisher.OutgoingEvent> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(new EventPublisher.OutgoingEvent(TYPE, payload));
        }
        return publisher.publishAll(batch);
    }

    /**
     * Pipelined without {@code publishAll}'s all-or-nothing promise: each event checked, written and sent as it comes
     * ({@code publishAsync}), then all awaited; the same semantics as {@link #rawPublishPipelined}.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public List<String> sdkPublishAsyncPipelined() throws Exception {
        List<java.util.concurrent.CompletableFuture<String>> sends = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            sends.add(publisher.publishAsync(TYPE, payload).toCompletableFuture());
        }
        return awaitAll(sends);
    }

    /** The same work as {@link #sdkPublishPipelined}: each event validated and written, all sent, then awaited. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public List<String> rawPublishPipelined() throws Exception {
        return rawPipelined(true);
    }

    /** As {@link #rawPublishPipelined} with an envelope written once ahead: the wire alone. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public List<String> rawPublishPipelined_prebuilt() throws Exception {
        return rawPipelined(false);
    }

    /**
     * As {@link #rawPublishPipelined} with the SDK's all-or-nothing promise kept by hand: every payload checked before
     * any event is written and sent, so that a payload breaking its contract sends none of the batch.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public List<String> rawPublishPipelined_checkedFirst() throws Exception {
        List<RedisFuture<String>> futures = new ArrayList<>(BATCH);
        for (JsonNode data : rawCheckedBatch()) {
            futures.add(async.xadd(TYPE, rawTrim, Map.of("data", rawEnvelope(data))));
        }
        return awaitAll(futures);
    }

    /**
     * As {@link #rawPublishPipelined_checkedFirst}, with the batch sent in one write: the commands built and handed to
     * the connection together ({@code dispatch} of a collection, Lettuce's documented way to send commands of one's
     * own), one flush for the batch instead of one per command. The fastest code we know for {@code publishAll}'s work.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public List<String> rawPublishPipelined_checkedFirstOneWrite() throws Exception {
        List<AsyncCommand<String, String, String>> commands = new ArrayList<>(BATCH);
        for (JsonNode data : rawCheckedBatch()) {
            CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).addKey(TYPE);
            rawTrim.build(args);
            args.add(Map.of("data", rawEnvelope(data)));
            commands.add(
                    new AsyncCommand<>(new Command<>(CommandType.XADD, new StatusOutput<>(StringCodec.UTF8), args)));
        }
        connection.dispatch(commands);
        return awaitAll(commands);
    }

    /**
     * The all-or-nothing promise kept by Redis instead of by checking first: MULTI, each event checked, written and
     * queued as it comes (the wire busy while the next is checked), EXEC; a payload breaking its contract would
     * DISCARD, storing none. Shows whether a transaction would let the SDK overlap checking with sending.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public List<String> rawPublishPipelined_transaction() throws Exception {
        transactionAsync.multi();
        List<RedisFuture<String>> futures = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            futures.add(transactionAsync.xadd(TYPE, rawTrim, Map.of("data", rawEnvelope())));
        }
        transactionAsync.exec().get();
        return awaitAll(futures);
    }

    private List<String> rawPipelined(boolean write) throws Exception {
        List<RedisFuture<String>> futures = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            futures.add(async.xadd(TYPE, rawTrim, Map.of("data", write ? rawEnvelope() : envelope)));
        }
        return awaitAll(futures);
    }

    /** An envelope as a producer without the SDK writes it: the fields it needs, a mapper and writer kept. */
    record RawOutgoing(
            String specversion,
            String id,
            String source,
            String type,
            String time,
            String datacontenttype,
            String dataschema,
            String contractversion,
            JsonNode data) {}

    private String rawEnvelope() throws Exception {
        return rawEnvelope(rawChecked());
    }

    /** The entry ids of a batch sent without waiting, awaited in order. */
    private static List<String> awaitAll(List<? extends java.util.concurrent.Future<String>> sent) throws Exception {
        List<String> ids = new ArrayList<>(sent.size());
        for (java.util.concurrent.Future<String> f : sent) {
            ids.add(f.get());
        }
        return ids;
    }

    /** A batch of payloads, each checked before any is written. */
    private List<JsonNode> rawCheckedBatch() {
        List<JsonNode> checked = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            checked.add(rawChecked());
        }
        return checked;
    }

    /** The payload as a tree, checked against its contract. */
    private JsonNode rawChecked() {
        JsonNode data = rawMapper.valueToTree(payload);
        if (!rawSchema.validate(data).isEmpty()) {
            throw new IllegalStateException("a payload breaks its contract");
        }
        return data;
    }

    private String rawEnvelope(JsonNode data) throws Exception {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return rawEnvelopeWriter.writeValueAsString(new RawOutgoing(
                "1.0",
                new java.util.UUID(random.nextLong(), random.nextLong()).toString(),
                "user-service",
                TYPE,
                java.time.Instant.now().toString(),
                "application/json",
                rawDataSchema,
                "1.0",
                data));
    }

    /**
     * A fresh stream of {@value #DRAIN} entries before each consume iteration, and a subscriber for it built (not
     * started) outside the measured time.
     */
    @State(Scope.Thread)
    public static class Backlog {
        String stream;
        int round;
        EventSubscriber subscriber;
        CountDownLatch done;
        AtomicInteger handled;

        @Setup(Level.Invocation)
        public void fill(EventsBenchmark b) throws Exception {
            stream = "backlog-" + (round++);
            List<RedisFuture<String>> futures = new ArrayList<>(DRAIN);
            for (int i = 0; i < DRAIN; i++) {
                futures.add(b.async.xadd(
                        stream,
                        Map.of(
                                "data",
                                b.envelope.replace("\"type\":\"user.created\"", "\"type\":\"" + stream + "\""))));
            }
            for (RedisFuture<String> f : futures) {
                f.get();
            }
            b.sync.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), "g");
            done = new CountDownLatch(DRAIN);
            handled = new AtomicInteger();
            subscriber = EventSubscriber.builder("g", b.transport)
                    .contracts(ContractRegistry.of(
                            List.of(EventContract.of(
                                    stream,
                                    ContractVersion.parse("1.0"),
                                    new ObjectMapper().readTree(ContractBenchmark.SCHEMA))),
                            List.of()))
                    .workers(4)
                    .maxInFlight(1024)
                    .batchSize(200)
                    .pollTimeout(Duration.ofMillis(20))
                    .on(stream, UserCreated.class, (event, meta) -> {
                        handled.incrementAndGet();
                        done.countDown();
                    })
                    .build();
        }

        @TearDown(Level.Invocation)
        public void drop(EventsBenchmark b) {
            subscriber.close();
            b.sync.del(stream);
        }
    }

    /** From start until every entry is handled (acknowledgements of the last batch may still be on their way). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 4, batchSize = 1)
    @Measurement(iterations = 10, batchSize = 1)
    public int sdkConsume(Backlog backlog) throws Exception {
        backlog.subscriber.start();
        backlog.done.await(120, TimeUnit.SECONDS);
        return backlog.handled.get();
    }

    /**
     * The same work as the SDK's subscriber, written directly on Lettuce, Jackson and networknt: read, parse the
     * envelope, validate the payload against the same schema, map it to its class, acknowledge.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 4, batchSize = 1)
    @Measurement(iterations = 10, batchSize = 1)
    public int rawConsume(Backlog backlog) throws Exception {
        return rawDrain(backlog, true);
    }

    /** As {@link #rawConsume} without validation: what a consumer that trusts every payload does. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 4, batchSize = 1)
    @Measurement(iterations = 10, batchSize = 1)
    public int rawConsume_unvalidated(Backlog backlog) throws Exception {
        return rawDrain(backlog, false);
    }

    private int rawDrain(Backlog backlog, boolean validate) throws Exception {
        int handled = 0;
        Consumer<String> consumer = Consumer.from("g", "raw");
        XReadArgs.StreamOffset<String> from = XReadArgs.StreamOffset.lastConsumed(backlog.stream);
        // the next batch is asked for before this one is mapped, so Redis and the network work while this thread
        // maps: what a well-written consumer loop does, and what the SDK's separate reading thread does
        RedisFuture<List<StreamMessage<String, String>>> next =
                async.xreadgroup(consumer, XReadArgs.Builder.count(200), from);
        while (handled < DRAIN) {
            List<StreamMessage<String, String>> batch = next.get();
            next = async.xreadgroup(consumer, XReadArgs.Builder.count(200), from);
            String[] ids = new String[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                String data = batch.get(i).getBody().get("data");
                if (validate) {
                    JsonNode payload = rawMapper.readTree(data).get("data");
                    if (!rawSchema.validate(payload).isEmpty()) {
                        throw new IllegalStateException("a payload breaks its contract");
                    }
                    rawPayloadReader.readValue(payload);
                } else {
                    rawEnvelopeReader.readValue(data);
                }
                ids[i] = batch.get(i).getId();
            }
            if (ids.length > 0) {
                async.xack(backlog.stream, "g", ids); // not waited for: the next read follows it on the connection
            }
            handled += ids.length;
        }
        next.get(); // the last read ahead, empty: done before the stream is dropped
        return handled;
    }

    /** An envelope as a consumer without the SDK maps it: the parts it uses, the rest ignored. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record RawEnvelope(String id, String type, UserCreated data) {}

    /** Built once, as a consumer keeps them: a mapper, readers for the envelope and payload types, the schema. */
    private final ObjectMapper rawMapper = new ObjectMapper();

    private final ObjectReader rawEnvelopeReader = rawMapper.readerFor(RawEnvelope.class);
    private final ObjectReader rawPayloadReader = rawMapper.readerFor(UserCreated.class);
    private final ObjectWriter rawEnvelopeWriter = rawMapper.writerFor(RawOutgoing.class);
    private final Schema rawSchema = rawSchema();

    private Schema rawSchema() {
        Schema schema;
        try {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(rawMapper.readTree(ContractBenchmark.SCHEMA));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        schema.initializeValidators();
        return schema;
    }
}
