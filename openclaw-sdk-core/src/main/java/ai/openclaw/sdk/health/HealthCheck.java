package ai.openclaw.sdk.health;

/**
 * One check of a service's health: a dependency, a loop, a resource. Registered under a name in a {@link
 * HealthRegistry}, which runs it under a time limit and caches its result briefly; a check that throws is DOWN with the
 * exception's message (credentials in URIs removed).
 *
 * <pre>{@code
 * registry.readiness("user-database", () -> {
 *     long started = System.nanoTime();
 *     dataSource.getConnection().close();
 *     return HealthResult.up().withData("latency_ms", (System.nanoTime() - started) / 1_000_000);
 * });
 * }</pre>
 *
 * <p>A check should answer within the registry's time limit and must not put secrets (passwords, tokens, URLs with
 * user information) in its data.
 */
@FunctionalInterface
public interface HealthCheck {
    /**
     * Checks and says how it went.
     *
     * @throws Exception when the check fails: the check is DOWN, with the exception's type and message as {@code
     *     error}
     */
    HealthResult check() throws Exception;
}
