package ai.openclaw.sdk.spring;

import ai.openclaw.sdk.spring.internal.ClientsRegistrar;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Makes a bean of each {@link OpenClawClient} interface: those named, else every one in the annotated class's package
 * and below.
 *
 * <pre>{@code
 * @SpringBootApplication
 * @EnableOpenClawClients
 * class BillingApplication { ... }
 *
 * @Service
 * class Invoices {
 *     Invoices(UserDirectory users) { ... }   // injected
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(ClientsRegistrar.class)
public @interface EnableOpenClawClients {
    /** The client interfaces; when none, the annotated class's package is scanned for {@link OpenClawClient}s. */
    Class<?>[] value() default {};
}
