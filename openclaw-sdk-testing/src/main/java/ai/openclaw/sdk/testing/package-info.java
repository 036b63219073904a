/**
 * Testing support for services built on the SDK: fakes, a real Redis for tests, JUnit 5 extensions, conformance kits
 * and consumer-driven contract tests (Pact specification files).
 *
 * <p>Today: {@link ai.openclaw.sdk.testing.redis} (a real Redis for tests). Fakes, conformance kits and
 * consumer-driven contract tests are being built (see the project's issue on the testing module).
 */
@NullMarked
package ai.openclaw.sdk.testing;

import org.jspecify.annotations.NullMarked;
