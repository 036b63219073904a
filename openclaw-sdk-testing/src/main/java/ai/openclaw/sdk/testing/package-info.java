/**
 * Testing support for services built on the SDK: fakes, a real Redis for tests, JUnit 5 extensions, conformance kits
 * and consumer-driven contract tests (Pact specification files).
 *
 * <p>This module is being built (see the project's issue on the testing module); today it holds no public types.
 */
@NullMarked
package ai.openclaw.sdk.testing;

import org.jspecify.annotations.NullMarked;
