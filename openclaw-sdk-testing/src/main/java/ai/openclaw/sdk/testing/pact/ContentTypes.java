package ai.openclaw.sdk.testing.pact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The type of content told from its bytes (a magic-number test), for Pact's {@code contentType} matcher: the JDK's
 * detection (images, XML, HTML...), then PDF, ZIP and gzip by their signatures, JSON by parsing, and text when the
 * bytes are printable UTF-8.
 */
final class ContentTypes {
    private ContentTypes() {}

    static @Nullable String detect(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            String guess = URLConnection.guessContentTypeFromStream(new ByteArrayInputStream(bytes));
            if (guess != null) {
                return guess;
            }
        } catch (IOException e) {
            // not readable as a stream: try the signatures below
        }
        if (starts(bytes, "%PDF-")) {
            return "application/pdf";
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return "application/zip";
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            return "application/gzip";
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            return "application/octet-stream";
        }
        try {
            PactFiles.JSON.readTree(text);
            String t = text.trim();
            if (t.startsWith("{") || t.startsWith("[")) {
                return "application/json";
            }
        } catch (IOException e) {
            // not JSON
        }
        if (text.trim().startsWith("<")) {
            return "application/xml";
        }
        for (char c : text.toCharArray()) {
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return "application/octet-stream";
            }
        }
        return "text/plain";
    }

    private static boolean starts(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
