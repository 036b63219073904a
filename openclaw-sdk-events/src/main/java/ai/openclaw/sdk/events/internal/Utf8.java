package ai.openclaw.sdk.events.internal;

import java.io.Writer;

/** Text helpers on the publishing path, where each event's envelope is written and measured. */
public final class Utf8 {
    private Utf8() {}

    /** The number of bytes of {@code text} in UTF-8, without encoding it (a lone surrogate counts as {@code ?}). */
    public static int length(CharSequence text) {
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
                    bytes += 0; // encoded as '?'
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /** A {@link Writer} into a {@link StringBuilder}: {@link java.io.StringWriter} synchronizes every write. */
    public static final class TextWriter extends Writer {
        private final StringBuilder text;

        /** A writer with room for {@code capacity} chars. */
        public TextWriter(int capacity) {
            this.text = new StringBuilder(capacity);
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
