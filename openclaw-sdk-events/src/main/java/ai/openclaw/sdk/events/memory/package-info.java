/**
 * An in-memory event transport with Redis Streams' semantics (groups, pending entries, redelivery, reclaim,
 * trimming): for unit tests and for running a system in one JVM with nothing installed.
 */
@NullMarked
package ai.openclaw.sdk.events.memory;

import org.jspecify.annotations.NullMarked;
