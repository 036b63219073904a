package ai.openclaw.sdk.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the handler of an event type. The starter gathers every such method into one subscriber of
 * the service's {@code ServiceRuntime} (contracts, dead letters, retries, traces as the runtime sets them), started
 * with the application context once it is refreshed and stopped before the beans it calls are destroyed.
 *
 * <pre>{@code
 * @Component
 * class Trials {
 *     @OpenClawEventHandler("user.created")
 *     void startTrial(UserCreated event, EventMetadata metadata) {   // metadata optional
 *         subscriptions.startTrial(event.userId(), metadata.envelope().id());
 *     }
 * }
 * }</pre>
 *
 * <p>The method takes the payload (any type the runtime's JSON mapper reads it into, or {@code EventEnvelope} for the
 * whole envelope) and, optionally, the {@code EventMetadata}. Throwing means "not handled", as for any {@code
 * EventHandler}: retried, redelivered, dead-lettered after {@code openclaw.events.max-deliveries}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OpenClawEventHandler {
    /** The event type, as the catalog and the contracts name it ({@code user.created}). */
    String value();
}
