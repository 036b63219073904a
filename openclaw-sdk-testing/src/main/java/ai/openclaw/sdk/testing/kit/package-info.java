/**
 * Conformance kits: abstract JUnit 5 suites that every implementation of an SDK SPI must pass, so that fakes behave
 * like the real thing. Extend one, provide the implementation, and run it in your build.
 */
@NullMarked
package ai.openclaw.sdk.testing.kit;

import org.jspecify.annotations.NullMarked;
