/**
 * The call-policy SPI: how a call to another service (an HTTP request, an event handler, a publish) is guarded. Core
 * calls through it; module {@code openclaw-sdk-resilience} implements it with retries, circuit breakers, time limits
 * and bulkheads.
 */
@NullMarked
package ai.openclaw.sdk.policy;

import org.jspecify.annotations.NullMarked;
