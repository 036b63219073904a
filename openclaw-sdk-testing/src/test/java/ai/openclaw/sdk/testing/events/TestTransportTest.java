package ai.openclaw.sdk.testing.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.events.EventEnvelope;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.events.PublishException;
import ai.openclaw.sdk.transport.Trim;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestTransportTest {
    record UserCreated(String userId, String email) {}

    private final TestTransport events = TestTransport.inMemory();
    private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        subscribers.forEach(EventSubscriber::close);
        events.close();
    }

    private EventSubscriber started(EventSubscriber.Builder b) {
        EventSubscriber s = b.pollTimeout(Duration.ofMillis(20)).build();
        subscribers.add(s);
        s.start();
        return s;
    }

    @Test
    void recordsWhatIsPublishedAndWaitsUntilItIsHandled() {
        List<UserCreated> handled = new CopyOnWriteArrayList<>();
        started(EventSubscriber.builder("billing-service", events)
                .on("user.created", UserCreated.class, (e, meta) -> handled.add(e)));
        EventPublisher publisher =
                EventPublisher.builder("user-service", events).build();
        publisher.publish("user.created", new UserCreated("u-1", "ada@example.com"));
        publisher.publish("user.created", new UserCreated("u-2", "grace@example.com"));

        EventEnvelope first = events.awaitPublished("user.created", Duration.ofSeconds(5));
        assertThat(first.source()).isEqualTo("user-service");
        events.awaitHandled(first.id(), Duration.ofSeconds(5));
        events.awaitHandled("user.created", 2, Duration.ofSeconds(5));
        assertThat(handled).extracting(UserCreated::userId).containsExactlyInAnyOrder("u-1", "u-2");
        assertThat(events.payloads("user.created", UserCreated.class))
                .extracting(UserCreated::email)
                .containsExactly("ada@example.com", "grace@example.com");
        assertThat(events.published("user.deleted")).isEmpty();
        assertThat(events.appended()).hasSize(2);
    }

    @Test
    void waitingForWhatDoesNotHappenFailsWithWhatWasSeen() {
        EventPublisher.builder("user-service", events).build().publish("user.updated", Map.of("userId", "u-1"));
        assertThatThrownBy(() -> events.awaitPublished("user.created", Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no user.created event was published within 50 ms; published: [user.updated]");
        String id = events.published("user.updated").get(0).id();
        assertThatThrownBy(() -> events.awaitHandled(id, Duration.ofMillis(50)))
                .hasMessageStartingWith("event " + id + " (entry user.updated ")
                .hasMessageEndingWith(") was not acknowledged within 50 ms");
        assertThatThrownBy(() -> events.awaitHandled("nope", Duration.ofMillis(10)))
                .hasMessage("no event with id nope was published");
        assertThatThrownBy(() -> events.awaitHandled("user.updated", 1, Duration.ofMillis(10)))
                .hasMessage("only 0 of 1 entries of user.updated were acknowledged within 10 ms");
    }

    @Test
    void failuresOnDemand() {
        EventPublisher publisher =
                EventPublisher.builder("user-service", events).build();
        events.failNext(TestTransport.Operation.APPEND, 1, new IllegalStateException("redis is down"));
        assertThatThrownBy(() -> publisher.publish("user.created", new UserCreated("u-1", "a@b")))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("redis is down");
        assertThat(events.published()).isEmpty();
        publisher.publish("user.created", new UserCreated("u-1", "a@b"));
        assertThat(events.published()).hasSize(1);

        events.failNext(TestTransport.Operation.ACK, 2, new IllegalStateException("ack lost"));
        assertThatThrownBy(() -> events.ack("user.created", "g", List.of("1-0")))
                .hasMessage("ack lost");
        events.clear();
        events.ack("user.created", "g", List.of("1-0")); // the failure was forgotten by clear()
        assertThat(events.append("s", "not json", Trim.NONE)
                        .toCompletableFuture()
                        .join())
                .isNotBlank();
        assertThat(events.published()).as("raw entries are not envelopes").isEmpty();
        assertThat(events.appended()).hasSize(1);
    }

    @Test
    void handlersThatFailOnPurposeDriveRetriesAndDeadLetters() {
        List<String> handled = new CopyOnWriteArrayList<>();
        EventSubscriber subscriber = started(EventSubscriber.builder("billing-service", events)
                .handlerAttempts(1)
                .maxDeliveries(2)
                .processingTimeout(Duration.ofMillis(100))
                .reclaimInterval(Duration.ofMillis(50))
                .on(
                        "user.created",
                        UserCreated.class,
                        TestHandlers.failingFirst(1, (e, meta) -> handled.add(e.userId())))
                .on("user.deleted", Map.class, TestHandlers.alwaysFailing("cannot cancel")));
        EventPublisher publisher =
                EventPublisher.builder("user-service", events).build();
        publisher.publish("user.created", new UserCreated("u-1", "a@b"));
        publisher.publish("user.deleted", Map.of("userId", "u-1"));

        events.awaitHandled("user.created", 1, Duration.ofSeconds(10));
        assertThat(handled).containsExactly("u-1");
        events.awaitHandled("user.deleted", 1, Duration.ofSeconds(10)); // acknowledged once dead-lettered
        assertThat(subscriber.stats().deadLettered()).isEqualTo(1);
        assertThat(events.range("user.deleted.dlq", "-", 10).get(0).data()).contains("cannot cancel");
    }
}
