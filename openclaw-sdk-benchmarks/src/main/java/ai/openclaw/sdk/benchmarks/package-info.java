/**
 * JMH benchmarks comparing the SDK with the raw library beneath it, measured in the same run. Never published; run on
 * demand as BENCHMARKS.md describes, never inside {@code ./mvnw verify}.
 */
@NullMarked
package ai.openclaw.sdk.benchmarks;

import org.jspecify.annotations.NullMarked;
