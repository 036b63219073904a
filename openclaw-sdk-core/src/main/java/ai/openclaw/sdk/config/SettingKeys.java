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
    /** Resilience policies: {@code openclaw.resilience.<policy>.retry.max-attempts} and the rest (docs/clients.md). */
    public static final String RESILIENCE = "openclaw.resilience.*";
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
            RESILIENCE,
            SERVICE,
            PACT_DIR,
            TEST_REDIS);

    private SettingKeys() {}
}
