/**
 * The event transport SPI: the few stream operations publishers and subscribers need (append, consumer groups,
 * read, acknowledge, claim idle entries). Module {@code openclaw-sdk-events} implements it over Redis Streams and in
 * memory; the semantics are those of Redis Streams.
 */
@NullMarked
package ai.openclaw.sdk.transport;

import org.jspecify.annotations.NullMarked;
