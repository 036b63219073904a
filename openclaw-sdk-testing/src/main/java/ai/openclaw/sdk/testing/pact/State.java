package ai.openclaw.sdk.testing.pact;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a provider test that puts the provider in a state a pact names ("user u-1 exists"). The method takes
 * no argument or a {@code Map<String, Object>} of the state's parameters; it runs before the interaction ({@link
 * Action#SETUP}) or after it ({@link Action#TEARDOWN}). A setup method may return a {@code Map<String, ?>} of values it
 * made (the id of the user it saved): a request value the consumer wrote with {@link
 * PactMatchers#fromProviderState} takes them ({@code "/users/${id}"}).
 *
 * <pre>{@code
 * @State("user u-1 exists")
 * void userExists(Map<String, Object> params) { users.save(new User((String) params.get("id"), "ada@example.com")); }
 *
 * @State(value = "user u-1 exists", action = State.Action.TEARDOWN)
 * void forgetUsers() { users.clear(); }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface State {
    /** The state's names this method handles. */
    String[] value();

    /** When it runs. */
    Action action() default Action.SETUP;

    /** Before or after the interaction. */
    enum Action {
        /** Before: put the provider in the state. */
        SETUP,
        /** After: clean up. */
        TEARDOWN
    }
}
