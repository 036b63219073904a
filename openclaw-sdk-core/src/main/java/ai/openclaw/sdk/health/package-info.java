/**
 * Health checks and their endpoints: a {@link ai.openclaw.sdk.health.HealthRegistry} of named checks in liveness,
 * readiness and startup groups, run under time limits and cached briefly; {@link
 * ai.openclaw.sdk.health.HealthEndpoint} answering {@code /health}, {@code /health/live}, {@code /health/ready} and
 * {@code /health/started} in the MicroProfile Health wire format (200 UP, 503 DOWN) inside any HTTP stack; {@link
 * ai.openclaw.sdk.health.HealthServer} serving them on the JDK's HTTP server.
 *
 * <p>Built-in checks: {@link ai.openclaw.sdk.health.DownstreamHealthCheck} (another service's readiness, through
 * discovery) here; Redis and subscriptions in {@code openclaw-sdk-events} ({@code RedisHealthCheck}, {@code
 * SubscriberHealthCheck}); circuit breakers in {@code openclaw-sdk-resilience} ({@code CircuitBreakerHealthCheck}).
 *
 * <pre>{@code
 * HealthRegistry health = HealthRegistry.create();
 * health.readiness("redis", RedisHealthCheck.of(redis));
 * health.register("subscriber", SubscriberHealthCheck.of(subscriber), HealthGroup.LIVENESS);
 * health.readiness("circuit-breakers", CircuitBreakerHealthCheck.of(policies));
 * HealthServer server = HealthServer.builder(health).port(8081).start();
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.health;

import org.jspecify.annotations.NullMarked;
