/**
 * One object per service ({@link ai.openclaw.sdk.runtime.ServiceRuntime}) holding its catalog, contracts, discovery,
 * policies, telemetry, mapper, clock, transport and settings, and handing out publishers, subscribers, clients, health
 * and the server kit configured alike.
 *
 * <pre>{@code
 * try (ServiceRuntime runtime = ServiceRuntime.builder("billing-service").settings(OpenClawSettings.load()).build()) {
 *     runtime.publisher().publish("invoice.created", invoice);
 * }
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.runtime;

import org.jspecify.annotations.NullMarked;
