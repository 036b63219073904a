package ai.openclaw.sdk.events.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Writer;

/** Text helpers on the publishing path, where each event's envelope is written and measured. */
public final class Utf8 {
    private Utf8() {}

    /** The number of bytes of {@code text} in UTF-8, without encoding it (a lone surrogate counts as {@code ?}). */
    public static int length(CharSequence text) {
        return measure(text, false);
    }

    /**
     * The number of bytes of {@code text} in UTF-8, or, when it holds a lone surrogate (half of a character, which
     * UTF-8 cannot encode), {@code -1 - index} of the first.
     */
    public static int wellFormedLength(CharSequence text) {
        return measure(text, true);
    }

    private static int measure(CharSequence text, boolean refuseLoneSurrogates) {
        int n = text.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2; // four bytes for the pair of chars
                    i++;
                } else if (Character.isSurrogate(c)) {
                    if (refuseLoneSurrogates) {
                        return -1 - i;
                    }
                    // otherwise one byte, as '?'
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /** The most bytes one char of a string can take in JSON text: {@code \\u001f}. */
    public static final int MAX_JSON_BYTES_PER_CHAR = 6;

    /**
     * An upper bound of the UTF-8 bytes of {@code node} written as compact JSON, found without writing it: each char of a
     * string or field name counted as {@value #MAX_JSON_BYTES_PER_CHAR} bytes. {@link Long#MAX_VALUE} when the node holds
     * values whose text is not known ahead (POJO nodes) or text UTF-8 cannot encode (a lone surrogate).
     */
    public static long jsonBytesAtMost(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return wellFormedLength(node.textValue()) < 0
                        ? Long.MAX_VALUE // refused when written
                        : 2 + (long) MAX_JSON_BYTES_PER_CHAR * node.textValue().length();
            case NUMBER:
                return node.isBigDecimal() || node.isBigInteger()
                        ? 2 + node.asText().length()
                        : 32;
            case BOOLEAN:
                return 5;
            case NULL:
            case MISSING:
                return 4;
            case BINARY:
                return 2 + 4L * ((binaryLength(node) + 2L) / 3);
            case ARRAY: {
                long sum = 2;
                for (JsonNode e : node) {
                    sum = add(sum, 1 + jsonBytesAtMost(e));
                }
                return sum;
            }
            case OBJECT: {
                long sum = 2;
                for (var it = node.fields(); it.hasNext(); ) {
                    var f = it.next();
                    if (wellFormedLength(f.getKey()) < 0) {
                        return Long.MAX_VALUE;
                    }
                    sum = add(
                            sum, 4 + (long) MAX_JSON_BYTES_PER_CHAR * f.getKey().length());
                    sum = add(sum, jsonBytesAtMost(f.getValue()));
                }
                return sum;
            }
            default:
                return Long.MAX_VALUE;
        }
    }

    private static int binaryLength(JsonNode node) {
        try {
            byte[] bytes = node.binaryValue();
            return bytes == null ? 0 : bytes.length;
        } catch (java.io.IOException e) {
            return Integer.MAX_VALUE / 2;
        }
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 || b == Long.MAX_VALUE ? Long.MAX_VALUE : r;
    }

    /**
     * A {@link Writer} into a {@link StringBuilder}: {@link java.io.StringWriter} synchronizes every write. Each thread
     * keeps one to reuse ({@link #borrow()}, {@link #giveBack()}), so that writing an envelope allocates its text only.
     */
    public static final class TextWriter extends Writer {
        /** A writer that grew past this many chars is not kept: a thread does not hold on to one huge event. */
        private static final int MAX_KEPT_CHARS = 16 * 1024;

        private static final ThreadLocal<TextWriter> KEPT = ThreadLocal.withInitial(() -> new TextWriter(1024));

        private final StringBuilder text;
        private final char[] scratch = new char[32];
        private boolean lent;

        /** A writer with room for {@code capacity} chars. */
        public TextWriter(int capacity) {
            this.text = new StringBuilder(capacity);
        }

        /** This thread's writer, emptied; a new one when it is already lent out. Give it back when done. */
        public static TextWriter borrow() {
            TextWriter w = KEPT.get();
            if (w.lent) {
                return new TextWriter(1024);
            }
            w.lent = true;
            w.text.setLength(0);
            return w;
        }

        /** Returns a borrowed writer; one grown too large is dropped. */
        public void giveBack() {
            if (lent) {
                lent = false;
                if (text.capacity() > MAX_KEPT_CHARS) {
                    KEPT.remove();
                }
            }
        }

        /** A small buffer for the caller's own use while writing (a formatted time). */
        public char[] scratch() {
            return scratch;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
