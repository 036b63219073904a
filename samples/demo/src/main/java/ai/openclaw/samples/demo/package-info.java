/**
 * The demo: the samples' three services in one JVM against a real Redis ({@code REDIS_URL}, a {@code redis-server} on
 * {@code PATH}, or the binary of a Maven Central artifact), with a front end calling them through the SDK's clients.
 */
@NullMarked
package ai.openclaw.samples.demo;

import org.jspecify.annotations.NullMarked;
