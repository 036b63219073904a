/**
 * Resilience for service calls, event publishers and event handlers: retries with backoff and jitter, circuit breakers, time limits,
 * bulkheads and rate limits, built on Resilience4j and plugged into the core's call-policy SPI.
 *
 * <pre>{@code
 * ResiliencePolicies policies = ResiliencePolicies.builder()
 *         .catalog(catalog)                          // services.<name>.resilience names a policy
 *         .properties(System.getProperties())        // openclaw.resilience.policies.<name>.<setting>=...
 *         .openTelemetry(openTelemetry)              // circuit, retry and rejection metrics
 *         .build();
 * ServiceClients clients = ServiceClients.builder(discovery).policies(policies).build();
 * EventPublisher publisher = EventPublisher.builder("user-service", transport).policies(policies).build();
 * EventSubscriber subscriber = EventSubscriber.builder("billing-service", transport).policies(policies)
 *         .handlerAttempts(1) // let the policy retry
 *         ...
 * }</pre>
 *
 * <p>{@link ai.openclaw.sdk.resilience.ResiliencePolicies} documents the defaults, the order of composition and what
 * is retried and counted. {@link ai.openclaw.sdk.resilience.CircuitBreakerHealthCheck} shows every circuit's state in
 * readiness (DOWN only for targets named critical); never in liveness.
 */
@NullMarked
package ai.openclaw.sdk.resilience;

import org.jspecify.annotations.NullMarked;
