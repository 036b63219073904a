package ai.openclaw.sdk.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a typed client interface (its methods annotated with the SDK's {@code Http.*} annotations) as a client of
 * another service; {@link EnableOpenClawClients} makes a bean of it, backed by the runtime's {@code ServiceClients}
 * (discovery, the provider's contract checked, trace context, the catalog's policy).
 *
 * <pre>{@code
 * @OpenClawClient("user-service")
 * public interface UserDirectory {
 *     @Http.Get("/users/{id}")
 *     User user(@Http.Path("id") String id);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OpenClawClient {
    /** The service called, as the catalog names it. */
    String value();
}
