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
}
