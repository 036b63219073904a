/**
 * The OpenClaw SDK: what every service in an OpenClaw microservice system needs to live among the others.
 *
 * <p>This package holds what every module shares: the root of the SDK's exceptions, {@link
 * ai.openclaw.sdk.OpenClawException}, and {@link ai.openclaw.sdk.SourceLocation}, the place in a file that an error
 * or finding names. The capabilities live in sub-packages:
 *
 * <ul>
 *   <li>{@link ai.openclaw.sdk.catalog}: the service catalog ({@code .openclaw/services.yaml}), validated and
 *       queried;
 *   <li>{@link ai.openclaw.sdk.discovery}: where a catalog service runs, and which instance to call next;
 *   <li>{@link ai.openclaw.sdk.contract}: event and HTTP contracts, validation, compatibility and evolution;
 *   <li>{@link ai.openclaw.sdk.deploy}: dependency-aware deployment plans;
 *   <li>{@link ai.openclaw.sdk.client}: contract-validating service clients over OkHttp;
 *   <li>{@link ai.openclaw.sdk.health}: health checks and their endpoints (MicroProfile Health format);
 *   <li>{@link ai.openclaw.sdk.policy} and {@link ai.openclaw.sdk.transport}: the SPIs that the resilience and events
 *       modules implement.
 * </ul>
 *
 * <p>Packages named {@code ...internal} are implementation details: they may change in any release.
 */
@NullMarked
package ai.openclaw.sdk;

import org.jspecify.annotations.NullMarked;
