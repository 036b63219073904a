package ai.openclaw.sdk.testing.pact;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link PactConsumerTest} class that builds a {@link ConsumerPact}: before each test that names it
 * in {@link PactTestFor} (or before every test, when it is the class's only such method), the method is called and a
 * {@link MockProvider} started for its pact. The method takes no parameters, returns {@code ConsumerPact} and may be
 * static.
 *
 * <pre>{@code
 * @Pact
 * ConsumerPact userExists() {
 *     return ConsumerPact.between("billing-service", "user-service")
 *             .given("user u-1 exists")
 *             .uponReceiving("a request for user u-1",
 *                     PactRequest.get("/users/u-1"),
 *                     PactResponse.status(200).body(Map.of("id", like("u-1"))))
 *             .build();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Pact {}
