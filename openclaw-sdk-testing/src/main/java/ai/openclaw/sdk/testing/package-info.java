/**
 * Testing support for services built on the SDK: fakes, a real Redis for tests, JUnit 5 extensions, conformance kits
 * and consumer-driven contract tests (Pact specification files).
 *
 * <ul>
 *   <li>{@link ai.openclaw.sdk.testing.redis}: a real Redis for tests with no Docker, and its JUnit 5 extension;
 *   <li>{@link ai.openclaw.sdk.testing.events}: {@code TestTransport} (what was published, waiting until it was
 *       handled, failures on demand) and {@code TestHandlers};
 *   <li>{@link ai.openclaw.sdk.testing.stub}: WireMock stand-ins for catalog services, stubbed from and checked
 *       against their OpenAPI contracts, with a JUnit 5 extension;
 *   <li>{@link ai.openclaw.sdk.testing.catalog}: catalogs built in code, or the service's own;
 *   <li>{@link ai.openclaw.sdk.testing.kit}: conformance suites for the event transport and discovery SPIs;
 *   <li>{@link ai.openclaw.sdk.testing.pact}: consumer-driven contract tests writing and verifying Pact files.
 * </ul>
 *
 * <p>See {@code docs/testing.md}.
 */
@NullMarked
package ai.openclaw.sdk.testing;

import org.jspecify.annotations.NullMarked;
