/**
 * A real Redis for tests on a machine without Docker: {@link ai.openclaw.sdk.testing.redis.RedisServer} finds or
 * starts one, {@link ai.openclaw.sdk.testing.redis.RedisExtension} provides it to JUnit 5 tests and empties it between
 * them.
 */
@NullMarked
package ai.openclaw.sdk.testing.redis;

import org.jspecify.annotations.NullMarked;
