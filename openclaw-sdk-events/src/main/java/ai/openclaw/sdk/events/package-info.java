/**
 * Publishers and subscribers of contract-checked events over an {@link ai.openclaw.sdk.transport.EventTransport}:
 * Redis Streams ({@link ai.openclaw.sdk.events.redis.RedisTransport}, over Lettuce).
 *
 * <pre>{@code
 * EventTransport redis = RedisTransport.create("redis://localhost:6379");
 * EventPublisher publisher = EventPublisher.builder("user-service", redis).catalog(catalog).contracts(contracts).build();
 * String id = publisher.publish("user.created", new UserCreated("u-1", "ada@example.com", "Ada", now));
 *
 * EventSubscriber subscriber = EventSubscriber.builder("billing-service", redis)
 *         .on("user.created", UserCreated.class, (event, meta) -> billing.startTrial(event.userId()))
 *         .build();
 * subscriber.start();
 * }</pre>
 *
 * <p>Wire format: one stream per event type (behind an optional prefix); each entry has one field, {@code data},
 * holding a CloudEvents 1.0 structured-mode JSON document ({@link ai.openclaw.sdk.events.EventEnvelope}). Delivery is
 * at-least-once: an entry is acknowledged after its handler succeeds, or after it was written to the dead-letter
 * stream.
 *
 * <p>Health: {@link ai.openclaw.sdk.events.SubscriberHealthCheck} (loops alive for liveness; reading and lag for
 * readiness) and {@link ai.openclaw.sdk.events.redis.RedisHealthCheck}; metrics and the MDC keys set inside handlers
 * are listed in {@code docs/telemetry.md}.
 */
@NullMarked
package ai.openclaw.sdk.events;

import org.jspecify.annotations.NullMarked;
