package ai.openclaw.sdk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The rate limit per kind and subject, what is held back, and sinks that fail. */
class AlertsTest {
    private final List<Alert> received = new CopyOnWriteArrayList<>();

    private static Alert health(Alert.Level level) {
        return Alert.of("billing-service", level, "health", "redis", "redis is " + level);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aFlappingCheckSendsOneAlertThenTheLastStateWithTheCountItStandsFor() throws Exception {
        try (Alerts alerts = Alerts.builder()
                .sink(received::add)
                .minInterval(Duration.ofMillis(300))
                .build()) {
            assertThat(alerts.raise(health(Alert.Level.CRITICAL))).isTrue();
            assertThat(alerts.raise(health(Alert.Level.RESOLVED))).isFalse();
            assertThat(alerts.raise(health(Alert.Level.CRITICAL))).isFalse();
            assertThat(alerts.raise(health(Alert.Level.RESOLVED))).isFalse();

            await(() -> received.size() == 2);
            assertThat(received.get(0).level()).isEqualTo(Alert.Level.CRITICAL);
            assertThat(received.get(0).suppressed()).isZero();
            assertThat(received.get(1).level()).isEqualTo(Alert.Level.RESOLVED);
            assertThat(received.get(1).suppressed()).isEqualTo(2);
            assertThat(received.get(1).toString()).endsWith("(2 more held back)");
        }
        assertThat(received).hasSize(2);
    }

    @Test
    void differentSubjectsAreLimitedApart() throws Exception {
        try (Alerts alerts = Alerts.builder()
                .sink(received::add)
                .minInterval(Duration.ofHours(1))
                .build()) {
            alerts.raise(health(Alert.Level.CRITICAL));
            alerts.raise(Alert.of("billing-service", Alert.Level.CRITICAL, "circuit", "user-service", "open"));
            alerts.raise(Alert.of("user-service", Alert.Level.CRITICAL, "health", "redis", "down"));
            await(() -> received.size() == 3);
        }
    }

    @Test
    void closingSendsWhatIsHeldBackSoTheLastStateIsNeverLost() {
        Alerts alerts = Alerts.builder()
                .sink(received::add)
                .minInterval(Duration.ofHours(1))
                .build();
        alerts.raise(health(Alert.Level.CRITICAL));
        alerts.raise(health(Alert.Level.RESOLVED));

        alerts.close();

        assertThat(received).extracting(Alert::level).containsExactly(Alert.Level.CRITICAL, Alert.Level.RESOLVED);
        assertThat(alerts.raise(health(Alert.Level.CRITICAL))).isFalse();
    }

    @Test
    void aFailingSinkDoesNotKeepTheAlertFromTheOthers() throws Exception {
        try (Alerts alerts = Alerts.builder()
                .sink(a -> {
                    throw new IllegalStateException("pager down");
                })
                .sink(received::add)
                .minInterval(Duration.ZERO)
                .build()) {
            alerts.raise(health(Alert.Level.CRITICAL));
            alerts.raise(health(Alert.Level.RESOLVED));
            await(() -> received.size() == 2);
        }
    }
}
