package ai.openclaw.sdk.testing.pact;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a provider test that produces the message a pact describes, the way the provider really builds it
 * (its payload object, or a {@code JsonNode}). The verification compares it with the pact's content under its matching
 * rules and, given contracts, with the event's contract.
 *
 * <pre>{@code
 * @MessageProducer("a user.created event")
 * UserCreated userCreated() { return users.register("ada@example.com").toEvent(); }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MessageProducer {
    /** The message descriptions this method produces. */
    String[] value();
}
