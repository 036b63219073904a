package ai.openclaw.samples.notification;

import static ai.openclaw.sdk.testing.pact.PactMatchers.like;
import static ai.openclaw.sdk.testing.pact.PactMatchers.regex;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.samples.support.SampleEnvironment;
import ai.openclaw.sdk.testing.events.TestTransport;
import ai.openclaw.sdk.testing.pact.ConsumerPact;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * notification-service's consumer contract with user-service: the {@code user.created} event, handled by the real
 * welcome handler. Writes {@code samples/target/pacts/notification-service-user-service.json}, which user-service's
 * build verifies.
 */
class UserServiceContractTest {
    @Test
    void theWelcomeHandlersNeedsAreWrittenAsAPact() {
        ConsumerPact pact = ConsumerPact.between("notification-service", "user-service")
                .expectsToReceive(
                        "a user.created event",
                        "user.created",
                        "1.0",
                        Map.of(
                                "userId", like("u-7"),
                                "email", regex("^[^@\\s]+@[^@\\s]+$", "grace@example.com"),
                                "name", like("Grace Hopper")))
                .build();
        Outbox outbox = new Outbox();
        SampleEnvironment env =
                SampleEnvironment.of(Path.of(".."), Map.of(), r -> r.transport(TestTransport.inMemory()));
        try (NotificationService notifications = NotificationService.start(env, 0, outbox)) {
            pact.runMessage("a user.created event", NotificationService.UserCreated.class, notifications::welcome);
        }
        assertThat(outbox.sent())
                .singleElement()
                .satisfies(m -> assertThat(m.to()).isEqualTo("grace@example.com"))
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Welcome, Grace Hopper!"));
        assertThat(pact.write()).endsWith(Path.of("notification-service-user-service.json"));
    }
}
