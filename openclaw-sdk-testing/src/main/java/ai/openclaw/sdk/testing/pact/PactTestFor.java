package ai.openclaw.sdk.testing.pact;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@link Pact} methods whose pacts a test exercises, one {@link MockProvider} each. On a test method it
 * applies to that test; on the class, to every test that has none of its own. Without it anywhere, the class must have
 * exactly one {@code @Pact} method.
 *
 * <pre>{@code
 * @Test
 * @PactTestFor({"userExists", "planExists"})
 * void startsATrial(@ForProvider("user-service") MockProvider users, @ForProvider("plan-service") URI plans) { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PactTestFor {
    /**
     * The names of the {@code @Pact} methods.
     *
     * @return method names; empty for the class's only {@code @Pact} method
     */
    String[] value() default {};
}
