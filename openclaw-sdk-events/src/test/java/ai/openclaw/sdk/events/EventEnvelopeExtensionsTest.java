package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CloudEvents extension attributes (spec 1.0, "Extension Context Attributes"): kept, written back, named well. */
class EventEnvelopeExtensionsTest {
    private static final ObjectMapper JSON = JsonMappers.standard();

    private static EventEnvelope envelope(Map<String, String> extensions) {
        return new EventEnvelope(
                "id-1",
                "customer-service",
                "order.inquiry_received",
                Instant.parse("2026-12-03T10:00:00Z"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                JSON.createObjectNode().put("orderId", "o-1"),
                extensions);
    }

    @Test
    void extensionsAreWrittenAsTopLevelStringAttributesAndReadBack() throws Exception {
        EventEnvelope sent = envelope(Map.of(
                "correlationid", "c-1", "replyto", "reply:customer-service@a:order.status_retrieved", "tenant", "t9"));
        String text = sent.toJson(JSON);
        var node = JSON.readTree(text);
        assertThat(node.get("correlationid").asText()).isEqualTo("c-1");
        assertThat(node.get("tenant").asText()).isEqualTo("t9");
        EventEnvelope read = EventEnvelope.parse(text, JSON);
        assertThat(read).isEqualTo(sent);
        assertThat(read.extension(EventEnvelope.REPLY_TO)).contains("reply:customer-service@a:order.status_retrieved");
        assertThat(read.extension("nothing")).isEmpty();
    }

    @Test
    void onlyStringAttributesWithExtensionNamesAreKept() {
        EventEnvelope read = EventEnvelope.parse(
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"data\":{},"
                        + "\"count\":3,\"nested\":{\"a\":1},\"Upper\":\"x\",\"with_underscore\":\"x\","
                        + "\"waytoolongforanattributename\":\"x\",\"subject\":\"s-1\",\"ok1\":\"yes\"}",
                JSON);
        assertThat(read.extensions()).containsExactly(Map.entry("ok1", "yes"));
    }

    @Test
    void anEnvelopeWithoutExtensionsIsWrittenAsBefore() {
        EventEnvelope plain = new EventEnvelope(
                "id-1",
                "s",
                "t",
                Instant.parse("2026-12-03T10:00:00Z"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                JSON.createObjectNode());
        assertThat(plain.extensions()).isEmpty();
        assertThat(plain.toJson(JSON))
                .isEqualTo("{\"specversion\":\"1.0\",\"id\":\"id-1\",\"source\":\"s\",\"type\":\"t\","
                        + "\"time\":\"2026-12-03T10:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":{}}");
        assertThat(plain.withExtension("correlationid", "c-2").extension("correlationid"))
                .contains("c-2");
    }

    @Test
    void badNamesAndContextAttributesAreRefused() {
        assertThatThrownBy(() -> envelope(Map.of("reply_to", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'reply_to' is not a CloudEvents extension attribute name");
        assertThatThrownBy(() -> envelope(Map.of("type", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> envelope(Map.of("a23456789012345678901", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
