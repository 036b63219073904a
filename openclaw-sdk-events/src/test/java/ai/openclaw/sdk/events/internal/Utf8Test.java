package ai.openclaw.sdk.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {
    @ParameterizedTest
    @ValueSource(
            strings = {"", "ascii", "café", "€uro", "日本語", "emoji 😀 pair", "mixed é€😀 x", "lone \uD800 high", "\uDC00"
            })
    void lengthIsTheEncodedLength(String text) {
        assertThat(Utf8.length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "{\"userId\":\"u-1\",\"email\":\"ada@example.com\",\"n\":42,\"ok\":true,\"x\":null}",
                "{\"control\":\"\\u0001\\u001f\\n\\t\",\"quote\":\"\\\"\\\\\"}",
                "{\"unicode\":\"café € 日本語 😀\",\"é\":[1.5e300,-0.000001,12345678901234567890123]}",
                "[[[[{\"deep\":[\"a\",\"b\",{\"c\":[]}]}]]]]",
                "{\"big\":123456789012345678901234567890.123456789}"
            })
    void theJsonBoundIsNeverBelowTheWrittenBytes(String json) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        com.fasterxml.jackson.databind.JsonNode node = mapper.readTree(json);
        long written = mapper.writeValueAsBytes(node).length;
        assertThat(Utf8.jsonBytesAtMost(node)).isGreaterThanOrEqualTo(written);
    }

    @org.junit.jupiter.api.Test
    void aPojoNodeHasNoBound() {
        com.fasterxml.jackson.databind.node.ObjectNode node =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.putPOJO("opaque", new Object());
        assertThat(Utf8.jsonBytesAtMost(node)).isEqualTo(Long.MAX_VALUE);
    }
}
