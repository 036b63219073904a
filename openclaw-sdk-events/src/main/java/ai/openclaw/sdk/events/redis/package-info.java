/**
 * The Redis Streams transport, over Lettuce: standalone, Sentinel and Cluster, TLS and ACL users; and {@link
 * ai.openclaw.sdk.events.redis.RedisHealthCheck} ({@code PING} and its latency, for readiness).
 */
@NullMarked
package ai.openclaw.sdk.events.redis;

import org.jspecify.annotations.NullMarked;
