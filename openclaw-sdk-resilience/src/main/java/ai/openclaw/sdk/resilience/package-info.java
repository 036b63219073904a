/**
 * Resilience for service calls and event handlers: retries with backoff and jitter, circuit breakers, time limits,
 * bulkheads and rate limits, built on Resilience4j and plugged into the core's call-policy SPI.
 *
 * <pre>{@code
 * ServiceClients clients = ServiceClients.builder(discovery).policies(ResiliencePolicies.defaults()).build();
 * }</pre>
 *
 * <p>{@link ai.openclaw.sdk.resilience.ResiliencePolicies} documents the defaults, the order of composition and what
 * is retried and counted.
 */
@NullMarked
package ai.openclaw.sdk.resilience;

import org.jspecify.annotations.NullMarked;
