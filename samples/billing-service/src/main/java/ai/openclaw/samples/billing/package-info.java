/**
 * The seed's billing-service on the OpenClaw SDK: subscriptions and invoices over HTTP; a trial subscription when a
 * user is created and its cancellation when the user is deleted (events, at least once, idempotent handlers); users
 * looked up in user-service through a typed, contract-checked client with retries and a circuit breaker.
 *
 * <pre>{@code
 * try (BillingService billing = BillingService.start(env, 8082)) {
 *     // POST /subscriptions, GET /subscriptions/{id}, POST /invoices, GET /health/ready
 * }
 * }</pre>
 */
@NullMarked
package ai.openclaw.samples.billing;

import org.jspecify.annotations.NullMarked;
