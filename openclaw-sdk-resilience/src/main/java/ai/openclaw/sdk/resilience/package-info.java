/**
 * Resilience for service calls and event handlers: retries with backoff and jitter, circuit breakers, time limits,
 * bulkheads and rate limits, built on Resilience4j and plugged into the core's call-policy SPI.
 *
 * <p>This module is being built (see the project's issue on service clients and resilience); today it holds no
 * public types.
 */
@NullMarked
package ai.openclaw.sdk.resilience;

import org.jspecify.annotations.NullMarked;
