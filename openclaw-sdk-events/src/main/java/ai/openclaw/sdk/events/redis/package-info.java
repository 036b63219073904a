/** The Redis Streams transport, over Lettuce: standalone, Sentinel and Cluster, TLS and ACL users. */
@NullMarked
package ai.openclaw.sdk.events.redis;

import org.jspecify.annotations.NullMarked;
