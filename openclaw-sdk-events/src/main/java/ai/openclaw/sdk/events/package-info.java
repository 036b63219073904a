/**
 * Publishers and subscribers of contract-checked events over Redis Streams (Lettuce), with at-least-once delivery,
 * reclaim of stuck entries, dead letters and bounded memory; and an in-memory transport with the same semantics.
 *
 * <p>This module is being built (see the project's issue on Redis Streams); today it holds no public types.
 */
@NullMarked
package ai.openclaw.sdk.events;

import org.jspecify.annotations.NullMarked;
