package ai.openclaw.sdk.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.events.DeadLetter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LosslessUtf8CodecTest {
    private static final LosslessUtf8Codec CODEC = LosslessUtf8Codec.INSTANCE;

    @ParameterizedTest
    @ValueSource(strings = {"", "ascii", "café", "€uro", "日本語", "emoji 😀 pair", "\uFFFD a real replacement char"})
    void validTextReadsAndWritesAsUtf8(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertThat(CODEC.decodeValue(ByteBuffer.wrap(utf8))).isEqualTo(text);
        assertThat(LosslessUtf8Codec.encode(text)).isEqualTo(utf8);
        assertThat(viaByteBuf(text)).isEqualTo(utf8);
        assertThat(LosslessUtf8Codec.firstEscape(text)).isEqualTo(-1);
    }

    @Test
    void aByteThatIsNotUtf8ReadsAsItsEscapeAndWritesBackAsItself() {
        byte[] bytes = {'c', 'a', 'f', (byte) 0xE9, '!'};
        String text = CODEC.decodeValue(ByteBuffer.wrap(bytes));
        assertThat(text).isEqualTo("caf\uDCE9!");
        assertThat(LosslessUtf8Codec.firstEscape(text)).isEqualTo(3);
        assertThat(LosslessUtf8Codec.encode(text)).isEqualTo(bytes);
        assertThat(viaByteBuf(text)).isEqualTo(bytes);
    }

    @Test
    void anyBytesSurviveARoundTrip() {
        Random random = new Random(20261203L);
        for (int i = 0; i < 10_000; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            if (i % 2 == 0) { // half of them mostly valid UTF-8, broken here and there
                byte[] text = ("é€😀 x" + i).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(text, 0, bytes, 0, Math.min(text.length, bytes.length));
            }
            String decoded = CODEC.decodeValue(ByteBuffer.wrap(bytes));
            assertThat(LosslessUtf8Codec.encode(decoded))
                    .as("bytes %s", ByteBufUtil.hexDump(bytes))
                    .isEqualTo(bytes);
            assertThat(viaByteBuf(decoded)).isEqualTo(bytes);
        }
    }

    @Test
    void aDirectBufferIsReadWithoutBeingConsumed() {
        ByteBuffer direct = ByteBuffer.allocateDirect(4)
                .put(new byte[] {'a', (byte) 0xFF, 'b', 'c'})
                .flip();
        assertThat(CODEC.decodeKey(direct)).isEqualTo("a\uDCFFbc");
        assertThat(direct.remaining()).isEqualTo(4);
    }

    @Test
    void aSliceOfAHeapBufferIsReadFromItsPosition() {
        ByteBuffer slice = ByteBuffer.wrap(new byte[] {'x', 'x', 'a', (byte) 0xC3, 'b', 'x'}, 2, 3)
                .slice();
        assertThat(CODEC.decodeValue(slice)).isEqualTo("a\uDCC3b");
        ByteBuffer positioned = ByteBuffer.wrap(new byte[] {'x', 'a', (byte) 0xC3, (byte) 0xA9});
        positioned.position(1);
        assertThat(CODEC.decodeValue(positioned)).isEqualTo("a\u00E9");
    }

    @Test
    void aDeadLetterKeepsTheBytesAsValidUtf8JsonAndReadsThemBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String data = "{\"name\":\"Zoë 😀 caf\uDCE9\"}";
        String letter = DeadLetterCodec.encode(
                json,
                new DeadLetterCodec.Letter("user.created", "1-0", "malformed", "g", "c", 1, Instant.EPOCH, null, data));
        assertThat(letter).contains("caf\\udce9").contains("\\ud83d\\ude00").doesNotContain("\uDCE9");
        assertThat(LosslessUtf8Codec.firstEscape(letter)).isEqualTo(-1);
        DeadLetter read = DeadLetterCodec.decode(json, "2-0", "user.created", letter);
        assertThat(read.data()).contains(data);
    }

    @Test
    void wellFormedLengthFindsHalfACharacter() {
        assertThat(Utf8.wellFormedLength("Zoë 😀")).isEqualTo("Zoë 😀".getBytes(StandardCharsets.UTF_8).length);
        assertThat(Utf8.wellFormedLength("ab\uD83D")).isEqualTo(-1 - 2);
        assertThat(Utf8.wellFormedLength("\uDE00x")).isEqualTo(-1);
    }

    private static byte[] viaByteBuf(String text) {
        ByteBuf buf = Unpooled.buffer(CODEC.estimateSize(text));
        try {
            CODEC.encodeValue(text, buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
