package ai.openclaw.sdk.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-22T10:00:00Z",
                "2026-11-22T10:00:00.1Z",
                "2026-11-22T10:00:00.123456789Z",
                "2026-11-22t10:00:00z",
                "2024-02-29T23:59:59.999Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.5Z",
                "2026-11-22T10:00:00+01:00",
                "2026-11-22T00:30:00-05:30",
                "2026-11-22T10:00:00.250+18:00",
                "+12026-11-22T10:00:00Z",
                "2026-11-22T23:59:60Z",
                "2026-11-22T24:00:00Z",
                "2026-11-22T10:00:00.Z"
            })
    void agreesWithInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text.replace('t', 'T').replace('z', 'Z'));
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Timestamps.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-11-22T10:60:00Z",
                "2026-11-22T10:00:00",
                "2026-11-22T10:00:00.1234567890Z",
                "2026-11-22T10:00:00+1:00",
                "2026-11-22 10:00:00Z",
                "yesterday",
                ""
            })
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void formatWritesWhatInstantToStringWrites() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong() % 300_000_000_000L;
            int nanos =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(Timestamps.format(instant)).isEqualTo(instant.toString());
        }
        for (String edge : List.of(
                "0000-01-01T00:00:00Z",
                "0000-02-29T12:00:00.5Z",
                "1900-02-28T23:59:59Z",
                "1900-03-01T00:00:00Z",
                "2000-02-29T00:00:00.000001Z",
                "2100-03-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z")) {
            assertThat(Timestamps.format(Instant.parse(edge)))
                    .isEqualTo(Instant.parse(edge).toString());
        }
        assertThat(Timestamps.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Timestamps.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
        assertThat(Timestamps.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    }

    @Test
    void randomInstantsRoundTrip() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong() % 4_000_000_000L, random.nextInt(1_000_000_000) / 1000 * 1000);
            assertThat(Timestamps.parse(instant.toString())).isEqualTo(instant);
        }
    }
}
