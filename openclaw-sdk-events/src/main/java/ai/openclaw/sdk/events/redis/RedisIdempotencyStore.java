package ai.openclaw.sdk.events.redis;

import ai.openclaw.sdk.server.IdempotencyStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An {@link IdempotencyStore} in Redis, shared by every instance of a service: a client that retries through the load
 * balancer reaches another instance and still gets the first answer. A key is claimed with {@code SET NX} (an
 * in-flight marker that expires after {@code inFlightTimeout}, so a crashed instance does not hold a key forever), its
 * response stored for {@code ttl}, and a failed request's marker removed only if it is still the same one (a script,
 * atomic).
 *
 * <pre>{@code
 * try (RedisIdempotencyStore keys = RedisIdempotencyStore.builder("billing-service", RedisTransport.uri(url))
 *         .ttl(Duration.ofHours(24))
 *         .build()) {
 *     ServerKit kit = ServerKit.builder("billing-service", contract).idempotency(keys).build();
 *     ...
 * }
 * }</pre>
 *
 * <p>Keys are {@code openclaw:idempotency:<service>:<Idempotency-Key>}; values are JSON (the body base64-encoded).
 */
public final class RedisIdempotencyStore implements IdempotencyStore, AutoCloseable {
    private static final String RELEASE =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then" + " return redis.call('DEL', KEYS[1]) else return 0 end";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final Duration ttl;
    private final Duration inFlightTimeout;
    private final @Nullable RedisClient ownedClient;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;

    private RedisIdempotencyStore(Builder b) {
        this.prefix = "openclaw:idempotency:" + b.service + ":";
        this.ttl = b.ttl;
        this.inFlightTimeout = b.inFlightTimeout;
        if (b.client != null) {
            this.ownedClient = null;
            this.connection = b.client.connect();
        } else {
            this.ownedClient = RedisClient.create(Objects.requireNonNull(b.uri));
            this.connection = ownedClient.connect();
        }
        this.redis = connection.sync();
    }

    /**
     * Starts a builder.
     *
     * @param service the service whose keys these are (keys of two services never meet)
     * @param uri where Redis is ({@link RedisTransport#uri(String)} parses a URL without ever printing its password)
     */
    public static Builder builder(String service, RedisURI uri) {
        return new Builder(service, Objects.requireNonNull(uri, "uri"), null);
    }

    /**
     * Starts a builder over a client the caller owns (and closes).
     *
     * @param service the service whose keys these are
     */
    public static Builder builder(String service, RedisClient client) {
        return new Builder(service, null, Objects.requireNonNull(client, "client"));
    }

    private static String inFlight(String fingerprint) {
        return "{\"fingerprint\":\"" + fingerprint + "\",\"state\":\"in-flight\"}";
    }

    @Override
    public Claim claim(String key, String fingerprint) {
        String redisKey = prefix + key;
        for (int attempt = 0; attempt < 3; attempt++) {
            String set = redis.set(
                    redisKey, inFlight(fingerprint), SetArgs.Builder.nx().px(inFlightTimeout.toMillis()));
            if ("OK".equals(set)) {
                return new Claim(Claim.Kind.NEW, null);
            }
            String value = redis.get(redisKey);
            if (value == null) {
                continue; // it expired between the two commands: claim again
            }
            JsonNode stored = parse(value);
            if (!stored.path("fingerprint").asText().equals(fingerprint)) {
                return new Claim(Claim.Kind.MISMATCH, null);
            }
            if (!stored.path("state").asText().equals("done")) {
                return new Claim(Claim.Kind.IN_FLIGHT, null);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            stored.path("headers")
                    .properties()
                    .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
            return new Claim(
                    Claim.Kind.REPLAY,
                    new StoredResponse(
                            stored.path("status").asInt(),
                            headers,
                            Base64.getDecoder().decode(stored.path("body").asText(""))));
        }
        return new Claim(Claim.Kind.IN_FLIGHT, null);
    }

    @Override
    public void complete(String key, StoredResponse response) {
        String redisKey = prefix + key;
        String value = redis.get(redisKey);
        if (value == null) {
            return; // the in-flight marker expired: the answer is not kept (a retry runs again)
        }
        ObjectNode done = JSON.createObjectNode()
                .put("fingerprint", parse(value).path("fingerprint").asText())
                .put("state", "done")
                .put("status", response.status());
        ObjectNode headers = done.putObject("headers");
        response.headers().forEach(headers::put);
        done.put("body", Base64.getEncoder().encodeToString(response.body()));
        redis.set(redisKey, done.toString(), SetArgs.Builder.xx().px(ttl.toMillis()));
    }

    @Override
    public void release(String key) {
        String redisKey = prefix + key;
        String value = redis.get(redisKey);
        if (value != null && !parse(value).path("state").asText().equals("done")) {
            redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {redisKey}, value);
        }
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an idempotency key's value in Redis is not this store's JSON", e);
        }
    }

    /** Closes the connection (and the client, when this store made it). */
    @Override
    public void close() {
        connection.close();
        if (ownedClient != null) {
            ownedClient.shutdown();
        }
    }

    @Override
    public String toString() {
        return "RedisIdempotencyStore[" + prefix + "*, ttl " + ttl + "]";
    }

    /** Builds a {@link RedisIdempotencyStore}. */
    public static final class Builder {
        private final String service;
        private final @Nullable RedisURI uri;
        private final @Nullable RedisClient client;
        private Duration ttl = Duration.ofHours(24);
        private Duration inFlightTimeout = Duration.ofMinutes(5);

        private Builder(String service, @Nullable RedisURI uri, @Nullable RedisClient client) {
            this.service = Objects.requireNonNull(service, "service");
            this.uri = uri;
            this.client = client;
        }

        /** How long a response is kept for replays (default 24 hours). */
        public Builder ttl(Duration ttl) {
            this.ttl = positive(ttl, "ttl");
            return this;
        }

        /**
         * How long a claimed key waits for its response before another request may claim it (default 5 minutes: an
         * instance that died mid-request does not hold the key forever). Longer than your slowest request.
         */
        public Builder inFlightTimeout(Duration inFlightTimeout) {
            this.inFlightTimeout = positive(inFlightTimeout, "inFlightTimeout");
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero() || d.toMillis() < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, not " + d);
            }
            return d;
        }

        /** Connects. */
        public RedisIdempotencyStore build() {
            return new RedisIdempotencyStore(this);
        }
    }
}
