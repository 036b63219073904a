package ai.openclaw.sdk.testing.pact;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks, for a parameter of a {@link PactConsumerTest} test, the mock of one provider when the test runs several: a
 * {@link MockProvider}, its base {@link java.net.URI}, its {@link ai.openclaw.sdk.discovery.InstanceSource} or its
 * {@link ConsumerPact}.
 *
 * <pre>{@code
 * void startsATrial(@ForProvider("user-service") MockProvider users, @ForProvider("plan-service") URI plans)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ForProvider {
    /**
     * The provider's catalog name.
     *
     * @return the name
     */
    String value();
}
