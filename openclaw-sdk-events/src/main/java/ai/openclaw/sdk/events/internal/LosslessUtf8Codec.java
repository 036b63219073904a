package ai.openclaw.sdk.events.internal;

import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.ToByteBufEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strings to and from Redis as UTF-8, losing no byte: a byte that is not part of valid UTF-8 decodes to the lone
 * surrogate {@code U+DC80}-{@code U+DCFF} for it (as Python's {@code surrogateescape} does), and such a surrogate
 * encodes back to the byte. Valid UTF-8 never decodes to a lone surrogate, so the two cannot be confused: an entry
 * written by a producer that is not ours, with bytes that are not text, reads as a string the subscriber can recognize
 * and dead-letter, and a replay writes back exactly the bytes that came. Lettuce's {@code StringCodec} turns each such
 * byte into {@code U+FFFD}, and the original is gone.
 */
public final class LosslessUtf8Codec implements RedisCodec<String, String>, ToByteBufEncoder<String, String> {
    /** The one instance: it holds no state. */
    public static final LosslessUtf8Codec INSTANCE = new LosslessUtf8Codec();

    private static final char ESCAPE_BASE = 0xDC00;

    private LosslessUtf8Codec() {}

    @Override
    public String decodeKey(ByteBuffer bytes) {
        return decode(bytes);
    }

    @Override
    public String decodeValue(ByteBuffer bytes) {
        return decode(bytes);
    }

    @Override
    public ByteBuffer encodeKey(String key) {
        return ByteBuffer.wrap(encode(key));
    }

    @Override
    public ByteBuffer encodeValue(String value) {
        return ByteBuffer.wrap(encode(value));
    }

    @Override
    public void encodeKey(String key, ByteBuf target) {
        write(key, target);
    }

    @Override
    public void encodeValue(String value, ByteBuf target) {
        write(value, target);
    }

    @Override
    public int estimateSize(Object keyOrValue) {
        return keyOrValue == null ? 0 : ByteBufUtil.utf8MaxBytes((CharSequence) keyOrValue);
    }

    @Override
    public boolean isEstimateExact() {
        return false;
    }

    /** The text of {@code bytes}, each byte that is not valid UTF-8 as its escape. */
    public static String decode(ByteBuffer bytes) {
        if (bytes == null) {
            return null;
        }
        byte[] array;
        int offset;
        int length = bytes.remaining();
        if (bytes.hasArray()) {
            array = bytes.array();
            offset = bytes.arrayOffset() + bytes.position();
        } else {
            array = new byte[length];
            offset = 0;
            bytes.duplicate().get(array);
        }
        String fast = new String(array, offset, length, StandardCharsets.UTF_8);
        // the JDK's decoder is fast and replaces what is not UTF-8 with U+FFFD; only then is the slow path needed
        return fast.indexOf('\uFFFD') < 0 ? fast : decodeEscaping(ByteBuffer.wrap(array, offset, length));
    }

    private static String decodeEscaping(ByteBuffer in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(in.remaining()); // never more chars than bytes, escapes included
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (result.isMalformed() || result.isUnmappable()) {
                for (int i = 0; i < result.length(); i++) {
                    out.put((char) (ESCAPE_BASE + (in.get() & 0xFF)));
                }
            } else {
                throw new IllegalStateException("UTF-8 decoding overflowed a buffer of one char per byte");
            }
        }
        return out.flip().toString();
    }

    /** The UTF-8 bytes of {@code text}, each escape as the byte it stands for. */
    public static byte[] encode(String text) {
        if (text == null) {
            return new byte[0];
        }
        if (firstEscape(text) < 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteBuf buf = io.netty.buffer.Unpooled.buffer(ByteBufUtil.utf8MaxBytes(text));
        try {
            write(text, buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    private static void write(String text, ByteBuf target) {
        if (text == null) {
            return;
        }
        int escape = firstEscape(text);
        if (escape < 0) {
            ByteBufUtil.writeUtf8(target, text);
            return;
        }
        int from = 0;
        while (escape >= 0) {
            ByteBufUtil.writeUtf8(target, text, from, escape);
            target.writeByte(text.charAt(escape) - ESCAPE_BASE);
            from = escape + 1;
            escape = nextEscape(text, from);
        }
        ByteBufUtil.writeUtf8(target, text, from, text.length());
    }

    /**
     * Where the first escape of a byte that was not UTF-8 is, or -1: a lone low surrogate in {@code U+DC80}-{@code
     * U+DCFF}, which valid UTF-8 never decodes to.
     */
    public static int firstEscape(CharSequence text) {
        return nextEscape(text, 0);
    }

    private static int nextEscape(CharSequence text, int from) {
        for (int i = from, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }
}
