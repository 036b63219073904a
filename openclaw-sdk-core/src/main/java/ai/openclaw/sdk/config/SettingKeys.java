package ai.openclaw.sdk.config;

import java.util.List;

/**
 * The {@code openclaw.*} settings the SDK reads, for {@link OpenClawSettings#check} and for the reference in
 * docs/configuration.md. A key ending in {@code .*} names a family whose next part is a name of yours (a policy, a
 * service).
 *
 * <pre>{@code
 * OpenClawSettings.load().check(SettingKeys.ALL).forEach(f -> log.warn("{}", f));
 * }</pre>
 */
public final class SettingKeys {
    /** The largest request body the server kit accepts, in bytes (default 1 MiB). */
    public static final String SERVER_MAX_BODY_BYTES = "openclaw.server.max-body-bytes";
    /** What the server kit does with a response that breaks the contract: off (default), log or refuse. */
    public static final String SERVER_RESPONSE_VALIDATION = "openclaw.server.response-validation";
    /** Whether the server kit honours {@code Idempotency-Key} (default true). */
    public static final String SERVER_IDEMPOTENCY_ENABLED = "openclaw.server.idempotency.enabled";
    /** How long an answer to an {@code Idempotency-Key} is replayed (default 24h). */
    public static final String SERVER_IDEMPOTENCY_TTL = "openclaw.server.idempotency.ttl";
    /** How many keys the in-memory store keeps (default 10000). */
    public static final String SERVER_IDEMPOTENCY_MAX_KEYS = "openclaw.server.idempotency.max-keys";
    /** The service a runtime is for, where it is built from configuration (the Spring Boot starter; default there
     * {@code spring.application.name}). */
    public static final String SERVICE_NAME = "openclaw.service-name";
    /** Whether the Spring Boot starter sets the SDK up at all (default true). */
    public static final String ENABLED = "openclaw.enabled";
    /** How often the Spring Boot starter reads the SDK's metrics into Micrometer (default 5s). */
    public static final String METRICS_INTERVAL = "openclaw.metrics.interval";
    /** Whether a runtime raises alerts (default true): health changes, circuit transitions, lag, dead letters. */
    public static final String ALERTS_ENABLED = "openclaw.alerts.enabled";
    /** A webhook every alert is posted to, besides the log (a secret: never logged). */
    public static final String ALERTS_WEBHOOK_URL = "openclaw.alerts.webhook.url";
    /** The Authorization header of the alert webhook's posts (a secret: never logged). */
    public static final String ALERTS_WEBHOOK_AUTHORIZATION = "openclaw.alerts.webhook.authorization";
    /** At most one alert per kind and subject per this long (default 1m). */
    public static final String ALERTS_MIN_INTERVAL = "openclaw.alerts.min-interval";
    /** How often a runtime compares health, dead letters and lag with their last state (default 10s). */
    public static final String ALERTS_CHECK_INTERVAL = "openclaw.alerts.check-interval";
    /** The consumer lag over which a stream raises an alert (default 10000). */
    public static final String ALERTS_LAG_THRESHOLD = "openclaw.alerts.lag-threshold";
    /** Where a runtime reads the catalog: a path, or {@code classpath:...} (default .openclaw/services.yaml). */
    public static final String CATALOG = "openclaw.catalog";
    /** Where a runtime reads the contracts: a directory, or {@code classpath:...} (default contracts). */
    public static final String CONTRACTS = "openclaw.contracts";
    /** The Redis a runtime opens for events when it is given no transport ({@code redis://user:password@host:port}). */
    public static final String REDIS_URL = "openclaw.redis.url";
    /** A prefix of every stream name, so several systems share one Redis (default none). */
    public static final String EVENTS_STREAM_PREFIX = "openclaw.events.stream-prefix";
    /** How long a subscriber's entry may stay unacknowledged before it is redelivered (default 30s). */
    public static final String EVENTS_PROCESSING_TIMEOUT = "openclaw.events.processing-timeout";
    /** After how many deliveries a failing event is dead-lettered (default 5). */
    public static final String EVENTS_MAX_DELIVERIES = "openclaw.events.max-deliveries";
    /** How many times a handler runs in place per delivery (default 3). */
    public static final String EVENTS_HANDLER_ATTEMPTS = "openclaw.events.handler-attempts";
    /** The first wait between in-place attempts, doubling (default 100ms). */
    public static final String EVENTS_RETRY_BACKOFF = "openclaw.events.retry-backoff";
    /** The lag above which a runtime's subscriber reports not ready (default 1000). */
    public static final String EVENTS_READY_MAX_LAG = "openclaw.events.ready-max-lag";
    /**
     * This instance's name: its subscribers' consumer name and its reply inboxes' (default service, host, pid and a
     * random part). A stable name lets a restarted instance take back what it held.
     */
    public static final String EVENTS_INSTANCE = "openclaw.events.instance";
    /** How long a request over events waits for its reply (default 10s). */
    public static final String EVENTS_REPLY_TIMEOUT = "openclaw.events.reply-timeout";
    /** Resilience policies: {@code openclaw.resilience.<policy>.retry.max-attempts} and the rest (docs/clients.md). */
    public static final String RESILIENCE = "openclaw.resilience.*";
    /**
     * Canary splits: {@code openclaw.canary.<service>.percentage} (0 to 100) and {@code
     * openclaw.canary.<service>.sticky} (docs/canary.md).
     */
    public static final String CANARY = "openclaw.canary.*";
    /** Where a service runs: {@code openclaw.service.<name>.url} (docs/catalog.md#discovery). */
    public static final String SERVICE = "openclaw.service.*";
    /** Where consumer tests write pact files (docs/testing.md). */
    public static final String PACT_DIR = "openclaw.pact.dir";
    /** Which Redis the SDK's own tests use: {@code embedded} forces the binary inside the Maven artifact. */
    public static final String TEST_REDIS = "openclaw.test.redis";

    /** Every key and family above. */
    public static final List<String> ALL = List.of(
            SERVER_MAX_BODY_BYTES,
            SERVER_RESPONSE_VALIDATION,
            SERVER_IDEMPOTENCY_ENABLED,
            SERVER_IDEMPOTENCY_TTL,
            SERVER_IDEMPOTENCY_MAX_KEYS,
            SERVICE_NAME,
            ENABLED,
            METRICS_INTERVAL,
            ALERTS_ENABLED,
            ALERTS_WEBHOOK_URL,
            ALERTS_WEBHOOK_AUTHORIZATION,
            ALERTS_MIN_INTERVAL,
            ALERTS_CHECK_INTERVAL,
            ALERTS_LAG_THRESHOLD,
            CATALOG,
            CONTRACTS,
            REDIS_URL,
            EVENTS_STREAM_PREFIX,
            EVENTS_PROCESSING_TIMEOUT,
            EVENTS_MAX_DELIVERIES,
            EVENTS_HANDLER_ATTEMPTS,
            EVENTS_RETRY_BACKOFF,
            EVENTS_READY_MAX_LAG,
            EVENTS_INSTANCE,
            EVENTS_REPLY_TIMEOUT,
            RESILIENCE,
            CANARY,
            SERVICE,
            PACT_DIR,
            TEST_REDIS);

    private SettingKeys() {}
}
