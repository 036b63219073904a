package ai.openclaw.sdk.events.redis;

import ai.openclaw.sdk.events.internal.LosslessUtf8Codec;
import ai.openclaw.sdk.events.internal.WireNames;
import ai.openclaw.sdk.internal.Secrets;
import ai.openclaw.sdk.transport.AppendException;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.NoGroupException;
import ai.openclaw.sdk.transport.StreamEntry;
import ai.openclaw.sdk.transport.Trim;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.models.stream.PendingMessage;
import io.lettuce.core.models.stream.PendingMessages;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The event transport over Redis Streams, with Lettuce: a standalone server or Sentinel ({@code redis://},
 * {@code rediss://} for TLS, {@code redis-sentinel://}; an ACL user and password in the URI), or a Cluster.
 *
 * <pre>{@code
 * try (RedisTransport redis = RedisTransport.create("rediss://billing:s3cret@redis.internal:6380")) {
 *     ...
 * }
 * RedisTransport cluster = RedisTransport.cluster(List.of(RedisURI.create("redis://10.0.0.1:7000")));
 * }</pre>
 *
 * <p>Commands share one connection; blocking reads ({@code XREADGROUP BLOCK}) get a connection per reading thread, so
 * a subscription waiting for entries never holds up publishing. While Redis is unreachable, Lettuce reconnects; at
 * most {@link #DEFAULT_REQUEST_QUEUE} commands wait (bounded buffering) and each fails after {@link
 * #DEFAULT_COMMAND_TIMEOUT}: a publish is never reported as sent when it was not.
 *
 * <p>Reclaiming idle entries uses {@code XPENDING ... IDLE} ({@link #pendingIdle}) then {@code XCLAIM} ({@link #claim})
 * rather than {@code XAUTOCLAIM} (DESIGN.md's word): the same semantics, but the subscriber sees what is idle before
 * claiming, so it leaves alone the entries it still holds (claiming them would count a delivery no handler ran), and
 * the pending list gives each entry's delivery count and shows the entries trimmed away, which XAUTOCLAIM's reply (as
 * Lettuce parses it) drops.
 */
public final class RedisTransport implements EventTransport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedisTransport.class);

    /** How long a command may take, including waiting for a reconnect. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

    /** How many commands may wait while Redis is unreachable. */
    public static final int DEFAULT_REQUEST_QUEUE = 10_000;

    /**
     * How far {@link #lag} counts on a Redis that does not report a group's lag (6.2): a larger lag reads as this
     * number, "at least".
     */
    public static final int LAG_COUNT_LIMIT = 10_000;

    private static final int LAG_PAGE = 500;

    private final AbstractRedisClient client;
    private final boolean ownsClient;
    private final Function<AbstractRedisClient, StatefulConnection<String, String>> connect;
    private final StatefulConnection<String, String> shared;
    private final Map<Thread, StatefulConnection<String, String>> readers = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final String address;
    /** How many times a connection of this client was established: a reconnect may send queued commands. */
    private final java.util.concurrent.atomic.AtomicLong connections = new java.util.concurrent.atomic.AtomicLong();

    private final io.lettuce.core.RedisConnectionStateListener counting;

    private final KeepingUnread trimmer = new KeepingUnread();

    private RedisTransport(
            AbstractRedisClient client,
            boolean ownsClient,
            Function<AbstractRedisClient, StatefulConnection<String, String>> connect,
            Duration timeout,
            String address) {
        this.client = client;
        this.address = address;
        this.ownsClient = ownsClient;
        this.connect = connect;
        this.timeout = timeout;
        this.counting = new io.lettuce.core.RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(
                    io.lettuce.core.RedisChannelHandler<?, ?> connection, java.net.SocketAddress socketAddress) {
                connections.incrementAndGet();
            }
        };
        client.addListener(counting);
        this.shared = connect.apply(client);
    }

    /**
     * A transport to a standalone server or through Sentinel.
     *
     * @param uri {@code redis://[user:password@]host:port}, {@code rediss://...}, {@code redis-sentinel://...}
     */
    public static RedisTransport create(String uri) {
        return create(uri(uri));
    }

    /**
     * Parses a Redis URL as Lettuce does ({@code redis://[user:password@]host:port[/database]}, {@code rediss://},
     * {@code redis-sentinel://}); a password holding a space, {@code @}, {@code /}, {@code :} or {@code %} is
     * percent-encoded ({@code %20}, {@code %40}, {@code %2F}, {@code %3A}, {@code %25}).
     *
     * @throws IllegalArgumentException when it is not one; the message shows the URL without its user information
     *     and query values, and carries no cause (the parser's own message would quote the password)
     */
    public static RedisURI uri(String url) {
        Objects.requireNonNull(url, "url");
        try {
            return RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a Redis URL: " + Secrets.redactUrl(url)
                    + " (expected redis://[user:password@]host:port; percent-encode a space, '@', '/', ':' or '%'"
                    + " in the password)");
        }
    }

    /** A transport to a standalone server or through Sentinel. */
    public static RedisTransport create(RedisURI uri) {
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .requestQueueSize(DEFAULT_REQUEST_QUEUE)
                .timeoutOptions(TimeoutOptions.enabled(DEFAULT_COMMAND_TIMEOUT))
                .build());
        return new RedisTransport(
                client,
                true,
                c -> ((RedisClient) c).connect(LosslessUtf8Codec.INSTANCE),
                DEFAULT_COMMAND_TIMEOUT,
                addressOf(List.of(uri)));
    }

    /** Host and port of each server (Sentinels for a Sentinel URI): never user, password or options. */
    private static String addressOf(List<RedisURI> uris) {
        List<String> out = new ArrayList<>();
        for (RedisURI uri : uris) {
            if (!uri.getSentinels().isEmpty()) {
                List<String> sentinels = new ArrayList<>();
                uri.getSentinels().forEach(s -> sentinels.add(s.getHost() + ":" + s.getPort()));
                out.add("sentinel master " + uri.getSentinelMasterId() + " via " + String.join(",", sentinels));
            } else if (uri.getSocket() != null) {
                out.add("unix:" + uri.getSocket());
            } else {
                out.add(uri.getHost() + ":" + uri.getPort());
            }
        }
        return String.join(",", out);
    }

    /** A transport to a Redis Cluster, from one or more seed nodes. */
    public static RedisTransport cluster(List<RedisURI> seeds) {
        RedisClusterClient client = RedisClusterClient.create(seeds);
        client.setOptions(ClusterClientOptions.builder()
                .requestQueueSize(DEFAULT_REQUEST_QUEUE)
                .timeoutOptions(TimeoutOptions.enabled(DEFAULT_COMMAND_TIMEOUT))
                .build());
        return new RedisTransport(
                client,
                true,
                c -> ((RedisClusterClient) c).connect(LosslessUtf8Codec.INSTANCE),
                DEFAULT_COMMAND_TIMEOUT,
                addressOf(seeds));
    }

    /** A transport over a client the caller configured and keeps (it is not shut down by {@link #close()}). */
    public static RedisTransport using(RedisClient client) {
        return new RedisTransport(
                client,
                false,
                c -> ((RedisClient) c).connect(LosslessUtf8Codec.INSTANCE),
                DEFAULT_COMMAND_TIMEOUT,
                "(a client you configured)");
    }

    @SuppressWarnings("unchecked")
    private static RedisStreamAsyncCommands<String, String> commands(StatefulConnection<String, String> c) {
        if (c instanceof StatefulRedisClusterConnection<?, ?> cluster) {
            return ((StatefulRedisClusterConnection<String, String>) cluster).async();
        }
        return ((StatefulRedisConnection<String, String>) c).async();
    }

    private RedisStreamAsyncCommands<String, String> shared() {
        return commands(shared);
    }

    @Override
    public CompletionStage<String> append(String stream, String data, Trim trim) {
        // while disconnected, Lettuce queues the command and sends it on reconnect: an append made then, and
        // withdrawn before any reconnect, was never sent
        boolean queued = !shared.isOpen();
        long connections = this.connections.get();
        AsyncCommand<String, String, String> command = xadd(stream, data, trim);
        shared.dispatch(command);
        appended(stream, trim);
        return watch(stream, command, queued, connections);
    }

    /**
     * Appends the entries in one write to Redis (in batches of at most {@value #APPEND_BATCH}): pipelined without a
     * flush per command, so a batch costs one system call where entries appended one by one cost one each.
     */
    @Override
    public List<CompletionStage<String>> appendAll(List<NewEntry> entries) {
        List<CompletionStage<String>> stages = new ArrayList<>(entries.size());
        for (int from = 0; from < entries.size(); from += APPEND_BATCH) {
            List<NewEntry> batch = entries.subList(from, Math.min(entries.size(), from + APPEND_BATCH));
            boolean queued = !shared.isOpen();
            long connections = this.connections.get();
            List<AsyncCommand<String, String, String>> commands = new ArrayList<>(batch.size());
            for (NewEntry e : batch) {
                commands.add(xadd(e.stream(), e.data(), e.trim()));
            }
            try {
                shared.dispatch(commands);
            } catch (RuntimeException refused) { // (a closed connection): this part was not sent; earlier parts were
                for (int i = 0; i < batch.size(); i++) {
                    commands.get(i).cancel(true);
                    stages.add(CompletableFuture.failedFuture(new AppendException(
                            batch.get(i).stream(),
                            false,
                            "not sent: " + refused.getClass().getSimpleName() + ": "
                                    + Secrets.redact(String.valueOf(refused.getMessage())),
                            refused)));
                }
                continue;
            }
            for (int i = 0; i < batch.size(); i++) {
                NewEntry e = batch.get(i);
                appended(e.stream(), e.trim());
                stages.add(watch(e.stream(), commands.get(i), queued, connections));
            }
        }
        return stages;
    }

    /** How many entries {@link #appendAll} writes at once: well under Lettuce's request queue. */
    static final int APPEND_BATCH = 1_000;

    /**
     * {@code XADD stream [trim] * data <data>}, as Lettuce's own {@code xadd} builds it, dispatched by the caller
     * (Lettuce's documented way to send commands of one's own, here to send many in one write).
     */
    private static AsyncCommand<String, String, String> xadd(String stream, String data, Trim trim) {
        CommandArgs<String, String> args = new CommandArgs<>(LosslessUtf8Codec.INSTANCE).addKey(stream);
        addArgs(trim).build(args);
        args.addKey(WireNames.ENTRY_FIELD).addValue(data);
        return new AsyncCommand<>(
                new Command<>(CommandType.XADD, new StatusOutput<>(LosslessUtf8Codec.INSTANCE), args));
    }

    /** Tells the trimmer of an entry appended to a stream trimmed only past what every group has read. */
    private void appended(String stream, Trim trim) {
        if (trim.keepUnread() && trim.trims()) {
            trimmer.appended(stream, trim);
        }
    }

    /** The stage of a dispatched append, whose failure says whether the entry may be stored. */
    private CompletionStage<String> watch(
            String stream, AsyncCommand<String, String, String> sent, boolean queued, long connections) {
        Append stage = new Append(sent, queued, connections);
        sent.whenComplete((id, failure) -> {
            if (failure == null) {
                stage.complete(id);
            } else {
                stage.completeExceptionally(appendFailure(stream, failure));
            }
        });
        return stage;
    }

    /**
     * An append's stage, of our own so that failures say whether the entry may be stored. Cancelling it cancels the
     * command, which Lettuce then never writes if it still holds it.
     */
    private static final class Append extends CompletableFuture<String> {
        private final AsyncCommand<String, String, String> sent;
        private final boolean queued;
        private final long connections;

        Append(AsyncCommand<String, String, String> sent, boolean queued, long connections) {
            this.sent = sent;
            this.queued = queued;
            this.connections = connections;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            sent.cancel(mayInterruptIfRunning);
            return super.cancel(mayInterruptIfRunning);
        }
    }

    @Override
    public boolean withdraw(CompletionStage<String> append) {
        if (!(append instanceof Append a)) {
            return EventTransport.super.withdraw(append);
        }
        boolean stillQueued = a.queued && connections.get() == a.connections && !a.sent.isDone();
        a.cancel(true);
        return stillQueued;
    }

    /**
     * What a failed XADD means: not stored when Redis answered with an error or the command was never sent (no
     * connection, the request queue full); otherwise (a timeout, a connection lost with the command written) the
     * entry may be stored.
     */
    private static Throwable appendFailure(String stream, Throwable failure) {
        Throwable e =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (e instanceof java.util.concurrent.CancellationException) {
            return e;
        }
        String message = String.valueOf(e.getMessage());
        boolean notSent = e instanceof RedisCommandExecutionException
                || e instanceof RedisConnectionException
                || message.startsWith("Request queue size exceeded")
                || message.contains("Commands are rejected");
        return new AppendException(
                stream,
                !notSent,
                (notSent ? "not stored: " : "no answer, so it may or may not be stored: ")
                        + e.getClass().getSimpleName() + ": " + Secrets.redact(message),
                e);
    }

    /**
     * Arguments that do not depend on the time, built once per trim: Lettuce reads them when it builds the command, and
     * never changes them.
     */
    private static final Map<Trim, XAddArgs> FIXED_ARGS = new java.util.concurrent.ConcurrentHashMap<>();

    private static XAddArgs addArgs(Trim trim) {
        if (trim.keepUnread() || trim.maxLength() > 0 || trim.maxAge().isZero()) {
            XAddArgs fixed = FIXED_ARGS.get(trim);
            if (fixed == null) {
                fixed = fixedArgs(trim);
                if (FIXED_ARGS.size() < 256) {
                    FIXED_ARGS.put(trim, fixed);
                }
            }
            return fixed;
        }
        XAddArgs args = new XAddArgs();
        long minMillis = System.currentTimeMillis() - trim.maxAge().toMillis();
        return args.minId(Math.max(0, minMillis) + "-0").approximateTrimming();
    }

    private static XAddArgs fixedArgs(Trim trim) {
        XAddArgs args = new XAddArgs();
        if (trim.keepUnread()) {
            return args; // trimmed apart, by the trimmer, which knows what the groups still need
        }
        if (trim.maxLength() > 0) {
            args.maxlen(trim.maxLength()).approximateTrimming();
        }
        return args;
    }

    @Override
    public void createGroup(String stream, String group, boolean fromStart) {
        try {
            await(shared().xgroupCreate(
                            XReadArgs.StreamOffset.from(stream, fromStart ? "0" : "$"),
                            group,
                            XGroupCreateArgs.Builder.mkstream()));
        } catch (RedisCommandExecutionException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    @Override
    public List<StreamEntry> read(String group, String consumer, List<String> streams, int count, Duration block) {
        if (client instanceof RedisClusterClient && streams.size() > 1) {
            // One XREADGROUP cannot span streams in different hash slots (CROSSSLOT): read them one by one,
            // sharing the wait, so that a quiet stream does not hold up the others for the whole block.
            List<StreamEntry> out = new ArrayList<>();
            Duration share =
                    block.isZero() ? Duration.ZERO : max(block.dividedBy(streams.size()), Duration.ofMillis(10));
            for (String stream : streams) {
                if (out.size() >= count) {
                    break;
                }
                out.addAll(readOne(
                        group, consumer, List.of(stream), count - out.size(), out.isEmpty() ? share : Duration.ZERO));
            }
            return out;
        }
        return readOne(group, consumer, streams, count, block);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private List<StreamEntry> readOne(String group, String consumer, List<String> streams, int count, Duration block) {
        try {
            return entries(
                    null,
                    await(
                            startRead(group, consumer, streams, count, block),
                            block.plus(timeout).plusSeconds(1)));
        } catch (RedisCommandExecutionException e) {
            throw noGroupOr(e, String.join(",", streams), group);
        }
    }

    @Override
    public CompletionStage<List<StreamEntry>> readAsync(
            String group, String consumer, List<String> streams, int count, Duration block) {
        if (client instanceof RedisClusterClient && streams.size() > 1) {
            return EventTransport.super.readAsync(group, consumer, streams, count, block); // stream by stream
        }
        String names = String.join(",", streams);
        CompletableFuture<List<StreamMessage<String, String>>> read = startRead(group, consumer, streams, count, block);
        return read.copy()
                .orTimeout(block.plus(timeout).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)
                .handle((messages, failure) -> {
                    if (failure == null) {
                        return entries(null, messages);
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    if (cause instanceof TimeoutException) {
                        read.cancel(true);
                        throw new io.lettuce.core.RedisCommandTimeoutException("no answer from Redis within "
                                + block.plus(timeout).plusSeconds(1));
                    }
                    if (cause instanceof RedisCommandExecutionException e) {
                        throw noGroupOr(e, names, group);
                    }
                    throw cause instanceof RuntimeException r ? r : new io.lettuce.core.RedisException(cause);
                });
    }

    /** XREADGROUP on the calling thread's own connection (a blocking read holds it). */
    private CompletableFuture<List<StreamMessage<String, String>>> startRead(
            String group, String consumer, List<String> streams, int count, Duration block) {
        StatefulConnection<String, String> reader = readers.get(Thread.currentThread());
        if (reader == null) {
            reader = readerFor(Thread.currentThread());
        }
        @SuppressWarnings("unchecked")
        XReadArgs.StreamOffset<String>[] offsets = streams.stream()
                .map(s -> XReadArgs.StreamOffset.lastConsumed(s))
                .toArray(XReadArgs.StreamOffset[]::new);
        XReadArgs args = XReadArgs.Builder.count(count);
        if (!block.isZero()) {
            args.block(block);
        }
        return commands(reader)
                .xreadgroup(Consumer.from(group, consumer), args, offsets)
                .toCompletableFuture();
    }

    /**
     * A connection for a thread that reads: one a reading thread that has ended left open (a subscriber stopped and
     * started again reads on without connecting anew), else a new one. The others such threads left are closed.
     */
    private synchronized StatefulConnection<String, String> readerFor(Thread thread) {
        StatefulConnection<String, String> reused = null;
        for (var it = readers.entrySet().iterator(); it.hasNext(); ) {
            var r = it.next();
            if (r.getKey().isAlive()) {
                continue;
            }
            it.remove();
            if (reused == null && r.getValue().isOpen()) {
                reused = r.getValue();
            } else {
                r.getValue().closeAsync();
            }
        }
        StatefulConnection<String, String> connection = reused != null ? reused : connect.apply(client);
        readers.put(thread, connection);
        return connection;
    }

    @Override
    public void ack(String stream, String group, Collection<String> ids) {
        if (!ids.isEmpty()) {
            await(shared().xack(stream, group, ids.toArray(new String[0])));
        }
    }

    @Override
    public List<PendingEntry> pendingIdle(String stream, String group, Duration minIdle, int count) {
        List<PendingMessage> idle;
        try {
            idle = await(shared().xpending(
                            stream,
                            new XPendingArgs<String>()
                                    .group(group)
                                    .range(Range.create("-", "+"))
                                    .limit(Limit.from(count))
                                    .idle(minIdle)));
        } catch (RedisCommandExecutionException e) {
            throw noGroupOr(e, stream, group);
        }
        List<PendingEntry> out = new ArrayList<>(idle.size());
        for (PendingMessage p : idle) {
            out.add(new PendingEntry(p.getId(), p.getConsumer(), p.getSinceLastDelivery(), p.getRedeliveryCount()));
        }
        return out;
    }

    @Override
    public Claim claim(
            String stream, String group, String consumer, Duration minIdle, Collection<PendingEntry> pending) {
        if (pending.isEmpty()) {
            return new Claim(List.of(), List.of());
        }
        List<StreamMessage<String, String>> claimed;
        try {
            claimed = await(shared().xclaim(
                            stream,
                            Consumer.from(group, consumer),
                            XClaimArgs.Builder.minIdleTime(minIdle),
                            pending.stream().map(PendingEntry::id).toArray(String[]::new)));
        } catch (RedisCommandExecutionException e) {
            throw noGroupOr(e, stream, group);
        }
        Map<String, StreamMessage<String, String>> byId = new HashMap<>();
        for (StreamMessage<String, String> m : claimed) {
            if (m != null && m.getId() != null) {
                byId.put(m.getId(), m);
            }
        }
        List<StreamEntry> entries = new ArrayList<>();
        List<String> trimmed = new ArrayList<>();
        for (PendingEntry p : pending) {
            StreamMessage<String, String> m = byId.get(p.id());
            if (m != null && m.getBody() != null) {
                // XCLAIM counted this delivery
                entries.add(
                        new StreamEntry(stream, p.id(), m.getBody().get(WireNames.ENTRY_FIELD), p.deliveries() + 1));
            } else if (m != null || !exists(stream, p.id())) {
                trimmed.add(p.id()); // Redis 6.2 answers nil for it, 7.x leaves it out: either way it is gone
            } // else another consumer claimed it meanwhile: not idle any more
        }
        return new Claim(entries, trimmed);
    }

    /** Whether the entry is still in the stream: then XCLAIM skipped it because another consumer took it first. */
    private boolean exists(String stream, String id) {
        return !await(shared().xrange(stream, Range.create(id, id))).isEmpty();
    }

    @Override
    public List<GroupConsumer> consumers(String stream, String group) {
        List<Object> consumers;
        try {
            consumers = await(shared().xinfoConsumers(stream, group));
        } catch (RedisCommandExecutionException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("NOGROUP") || m.startsWith("ERR no such key")) {
                return List.of();
            }
            throw e;
        }
        List<GroupConsumer> out = new ArrayList<>();
        for (Object c : consumers) {
            if (c instanceof List<?> fields) {
                Object pending = field(fields, "pending");
                Object idle = field(fields, "idle");
                out.add(new GroupConsumer(
                        String.valueOf(field(fields, "name")),
                        pending instanceof Number n ? n.longValue() : 0,
                        Duration.ofMillis(idle instanceof Number n ? n.longValue() : 0)));
            }
        }
        return out;
    }

    @Override
    public void removeConsumer(String stream, String group, String consumer) {
        try {
            await(shared().xgroupDelconsumer(stream, Consumer.from(group, consumer)));
        } catch (RedisCommandExecutionException e) {
            String m = String.valueOf(e.getMessage());
            if (!m.startsWith("NOGROUP") && !m.startsWith("ERR no such key")) {
                throw e;
            }
        }
    }

    @Override
    public List<StreamEntry> range(String stream, String fromId, int count) {
        return entries(stream, await(shared().xrange(stream, Range.create(fromId, "+"), Limit.from(count))));
    }

    @Override
    public List<StreamEntry> latest(String stream, int count) {
        return entries(stream, await(shared().xrevrange(stream, Range.create("-", "+"), Limit.from(count))));
    }

    /** The entries of {@code stream}, or of the streams each message names when null. */
    private static List<StreamEntry> entries(@Nullable String stream, List<StreamMessage<String, String>> messages) {
        List<StreamEntry> out = new ArrayList<>(messages.size());
        for (StreamMessage<String, String> m : messages) {
            out.add(new StreamEntry(
                    stream != null ? stream : m.getStream(),
                    m.getId(),
                    m.getBody() == null ? null : m.getBody().get(WireNames.ENTRY_FIELD),
                    1));
        }
        return out;
    }

    @Override
    public void delete(String stream, Collection<String> ids) {
        if (!ids.isEmpty()) {
            await(shared().xdel(stream, ids.toArray(new String[0])));
        }
    }

    @Override
    public long length(String stream) {
        return await(shared().xlen(stream));
    }

    @Override
    public long pending(String stream, String group) {
        try {
            PendingMessages summary = await(shared().xpending(stream, group));
            return summary.getCount();
        } catch (RedisCommandExecutionException e) {
            if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * The group's lag. Redis 7 reports it in {@code XINFO GROUPS}; where it does not (Redis 6.2, or Redis 7 after
     * entries were deleted behind the group's position), the entries after the group's {@code last-delivered-id} are
     * counted: exactly up to {@link #LAG_COUNT_LIMIT}, and as {@code LAG_COUNT_LIMIT} ("at least") beyond it. A group
     * whose position is before the stream's first entry lags by the whole stream, counted exactly with {@code XLEN}.
     */
    @Override
    public long lag(String stream, String group) {
        GroupInfo g = groupInfo(stream, group);
        if (g == null) {
            return 0;
        }
        if (g.lag != null && g.lag == 0) {
            return 0;
        }
        // Redis 7's lag also counts entries trimmed away before the group read them, for good; Redis 6.2 has none:
        // count what is there, and fall back on Redis's figure only beyond the counting limit
        long counted = countAfter(stream, g.lastDelivered);
        return counted < LAG_COUNT_LIMIT || g.lag == null ? counted : Math.max(counted, g.lag);
    }

    /**
     * Redis 7 only: its lag of the group counts every entry added after those the group read, trimmed ones included,
     * so what it reports beyond the entries still there were trimmed unread.
     */
    @Override
    public long trimmedUnread(String stream, String group) {
        GroupInfo g = groupInfo(stream, group);
        if (g == null) {
            return 0;
        }
        if (g.lag == null) {
            return -1;
        }
        long there = countAfter(stream, g.lastDelivered);
        return there < LAG_COUNT_LIMIT ? Math.max(0, g.lag - there) : -1;
    }

    private record GroupInfo(String lastDelivered, @Nullable Long lag) {}

    private @Nullable GroupInfo groupInfo(String stream, String group) {
        List<Object> groups;
        try {
            groups = await(shared().xinfoGroups(stream));
        } catch (RedisCommandExecutionException e) {
            if (String.valueOf(e.getMessage()).startsWith("ERR no such key")) {
                return null;
            }
            throw e;
        }
        for (Object g : groups) {
            if (g instanceof List<?> fields && group.equals(field(fields, "name"))) {
                Object lag = field(fields, "lag");
                return new GroupInfo(
                        String.valueOf(field(fields, "last-delivered-id")),
                        lag instanceof Number n ? n.longValue() : null);
            }
        }
        return null;
    }

    private long countAfter(String stream, String lastDelivered) {
        List<StreamMessage<String, String>> page = await(shared().xrange(
                        stream,
                        Range.from(Range.Boundary.excluding(lastDelivered), Range.Boundary.unbounded()),
                        Limit.from(LAG_PAGE)));
        if (page.size() < LAG_PAGE) {
            return page.size();
        }
        List<StreamMessage<String, String>> first =
                await(shared().xrange(stream, Range.create("-", "+"), Limit.from(1)));
        if (!first.isEmpty() && first.get(0).getId().equals(page.get(0).getId())) {
            return await(shared().xlen(stream)); // nothing left at or before the group's position
        }
        long counted = page.size();
        while (page.size() == LAG_PAGE && counted < LAG_COUNT_LIMIT) {
            String last = page.get(page.size() - 1).getId();
            page = await(shared().xrange(
                            stream,
                            Range.from(Range.Boundary.excluding(last), Range.Boundary.unbounded()),
                            Limit.from((int) Math.min(LAG_PAGE, LAG_COUNT_LIMIT - counted))));
            counted += page.size();
        }
        return Math.min(counted, LAG_COUNT_LIMIT);
    }

    private static @Nullable Object field(List<?> fields, String name) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(String.valueOf(fields.get(i)))) {
                return fields.get(i + 1);
            }
        }
        return null;
    }

    /**
     * Sends {@code PING} and waits up to {@code timeout} for the answer.
     *
     * @return how long the round trip took
     * @throws io.lettuce.core.RedisException when Redis did not answer in time or refused
     */
    @SuppressWarnings("unchecked")
    public Duration ping(Duration timeout) {
        long start = System.nanoTime();
        io.lettuce.core.RedisFuture<String> pong = shared instanceof StatefulRedisClusterConnection<?, ?> c
                ? ((StatefulRedisClusterConnection<String, String>) c).async().ping()
                : ((StatefulRedisConnection<String, String>) shared).async().ping();
        await(pong, timeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Whether the shared connection is connected now (Lettuce reconnects it in the background when it is not). */
    public boolean isConnected() {
        return shared.isOpen();
    }

    /** Where this transport connects: host and port of each server, without user, password or options. */
    public String address() {
        return address;
    }

    private RuntimeException noGroupOr(RedisCommandExecutionException e, String stream, String group) {
        if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
            return new NoGroupException(stream, group);
        }
        return e;
    }

    private <T> T await(Future<T> future) {
        return await(future, timeout.plusSeconds(1)); // Lettuce's own command timeout fires first
    }

    private static <T> T await(Future<T> future, Duration timeout) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new io.lettuce.core.RedisException(cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new io.lettuce.core.RedisCommandTimeoutException("no answer from Redis within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.lettuce.core.RedisCommandInterruptedException(e);
        }
    }

    /**
     * Trims streams whose {@link Trim} keeps unread entries: every so many appends (1% of the length limit, at most
     * 1,000), on a thread of its own, removes the entries beyond the limit that every group has read and acknowledged
     * ({@code XTRIM MINID ~}), and never one a group still needs: its oldest pending entry, or the first after the last
     * one delivered to it.
     */
    private final class KeepingUnread {
        private final Map<String, java.util.concurrent.atomic.AtomicLong> appends = new ConcurrentHashMap<>();
        private final Map<String, Boolean> scheduled = new ConcurrentHashMap<>();
        private final Map<String, Long> warned = new ConcurrentHashMap<>();
        private volatile java.util.concurrent.@Nullable ExecutorService thread;

        void appended(String stream, Trim trim) {
            long every = trim.maxLength() > 0 ? Math.max(1, Math.min(trim.maxLength() / 100, 1_000)) : 100;
            long n = appends.computeIfAbsent(stream, k -> new java.util.concurrent.atomic.AtomicLong())
                    .incrementAndGet();
            if (n % every == 0 && scheduled.putIfAbsent(stream, Boolean.TRUE) == null) {
                executor().execute(() -> {
                    try {
                        trim(stream, trim);
                    } catch (RuntimeException e) {
                        LOG.warn("trimming {} failed: {}", stream, Secrets.redact(e.toString()));
                    } finally {
                        scheduled.remove(stream);
                    }
                });
            }
        }

        private synchronized java.util.concurrent.ExecutorService executor() {
            if (thread == null) {
                thread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "openclaw-redis-trim");
                    t.setDaemon(true);
                    return t;
                });
            }
            return thread;
        }

        private void trim(String stream, Trim trim) {
            String limit;
            if (trim.maxLength() > 0) {
                long excess = await(shared().xlen(stream)) - trim.maxLength();
                if (excess <= 0) {
                    return;
                }
                // the first entry to keep: after the oldest 'excess' (at most 10,000 a round; the next round goes on)
                List<StreamMessage<String, String>> oldest = await(
                        shared().xrange(stream, Range.create("-", "+"), Limit.from(Math.min(excess, 10_000) + 1)));
                limit = oldest.get(oldest.size() - 1).getId();
            } else {
                limit = Math.max(0, System.currentTimeMillis() - trim.maxAge().toMillis()) + "-0";
            }
            String needed = oldestNeeded(stream);
            String minId = needed != null && compareIds(needed, limit) < 0 ? needed : limit;
            if (!minId.equals(limit)) {
                long now = System.currentTimeMillis();
                Long last = warned.get(stream);
                if (last == null || now - last > 60_000) {
                    warned.put(stream, now);
                    LOG.warn(
                            "trimming of {} is held back at {}: a consumer group has not read or acknowledged the"
                                    + " entries from there on (Trim.keepingUnread)",
                            stream,
                            needed);
                }
            }
            await(shared().xtrim(stream, new io.lettuce.core.XTrimArgs().minId(minId)));
        }

        /** The oldest id some group still needs; null when no group needs any (or there is none). */
        private @Nullable String oldestNeeded(String stream) {
            String oldest = null;
            for (Object g : await(shared().xinfoGroups(stream))) {
                if (!(g instanceof List<?> fields)) {
                    continue;
                }
                String name = String.valueOf(field(fields, "name"));
                String lastDelivered = String.valueOf(field(fields, "last-delivered-id"));
                PendingMessages pending = await(shared().xpending(stream, name));
                String candidate = pending.getCount() > 0
                        ? pending.getMessageIds().getLower().getValue()
                        : lastDelivered; // the entries after it are unread; it may go only if read
                if (oldest == null || compareIds(candidate, oldest) < 0) {
                    oldest = candidate;
                }
            }
            return oldest;
        }

        void close() {
            java.util.concurrent.ExecutorService t = thread;
            if (t != null) {
                t.shutdownNow();
            }
        }
    }

    private static int compareIds(String a, String b) {
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        long ma = Long.parseLong(da < 0 ? a : a.substring(0, da));
        long mb = Long.parseLong(db < 0 ? b : b.substring(0, db));
        if (ma != mb) {
            return Long.compare(ma, mb);
        }
        long sa = da < 0 ? 0 : Long.parseLong(a.substring(da + 1));
        long sb = db < 0 ? 0 : Long.parseLong(b.substring(db + 1));
        return Long.compare(sa, sb);
    }

    /** Closes every connection, and the client when this transport created it. */
    @Override
    public void close() {
        trimmer.close();
        readers.values().forEach(StatefulConnection::close);
        readers.clear();
        shared.close();
        client.removeListener(counting);
        if (ownsClient) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public String toString() {
        return "RedisTransport{" + address + "}";
    }
}
