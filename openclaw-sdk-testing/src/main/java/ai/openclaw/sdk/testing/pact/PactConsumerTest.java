package ai.openclaw.sdk.testing.pact;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer's contract test class: {@link PactConsumerExtension} runs a {@link MockProvider} per test for the pacts
 * its {@link Pact} methods build, fails a test that leaves an interaction unexercised or sends a request no interaction
 * expects, and writes the pact files after the class.
 *
 * <pre>{@code
 * @PactConsumerTest
 * class UserClientPactTest {
 *     @Pact
 *     static ConsumerPact userExists() {
 *         return ConsumerPact.between("billing-service", "user-service")
 *                 .given("user u-1 exists")
 *                 .uponReceiving("a request for user u-1",
 *                         PactRequest.get("/users/u-1"),
 *                         PactResponse.status(200).body(Map.of("id", like("u-1"), "email", like("ada@example.com"))))
 *                 .build();
 *     }
 *
 *     @Test
 *     void readsAUser(URI users) {            // or MockProvider, or nothing: discovery finds the mock
 *         assertThat(new UserClient(users).user("u-1").email()).isEqualTo("ada@example.com");
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PactConsumerExtension.class)
public @interface PactConsumerTest {}
