package ai.openclaw.sdk.internal.server;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the application writes, held back: status, headers and body stay here until the filter has checked and stored
 * them. Nothing reaches the real response, which is never committed by the application.
 */
public final class CapturedResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private int status = SC_OK;
    private @Nullable String characterEncoding;
    private @Nullable PrintWriter writer;
    private @Nullable ServletOutputStream stream;

    /** Captures what is written to a response. */
    public CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    /** The body written, the writer flushed first. */
    public byte[] bytes() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    /** One value per header name (the first), for checking and storing. */
    public Map<String, String> singleValuedHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, v.get(0));
            }
        });
        return out;
    }

    /** Writes every header value to a response. */
    public void copyHeadersTo(HttpServletResponse response) {
        headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    }

    private @Nullable String key(String name) {
        for (String k : headers.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public void setHeader(String name, @Nullable String value) {
        String k = key(name);
        if (k != null) {
            headers.remove(k);
        }
        if (value != null) {
            headers.put(name, new ArrayList<>(List.of(value)));
        }
    }

    @Override
    public void addHeader(String name, @Nullable String value) {
        if (value == null) {
            return;
        }
        String k = key(name);
        headers.computeIfAbsent(k == null ? name : k, x -> new ArrayList<>()).add(value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, httpDate(date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, httpDate(date));
    }

    private static String httpDate(long epochMillis) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.Instant.ofEpochMilli(epochMillis).atZone(java.time.ZoneOffset.UTC));
    }

    @Override
    public boolean containsHeader(String name) {
        return key(name) != null;
    }

    @Override
    public @Nullable String getHeader(String name) {
        String k = key(name);
        return k == null ? null : headers.get(k).get(0);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        String k = key(name);
        return k == null ? List.of() : List.copyOf(headers.get(k));
    }

    @Override
    public Collection<String> getHeaderNames() {
        return List.copyOf(headers.keySet());
    }

    @Override
    public void setContentType(@Nullable String type) {
        setHeader("Content-Type", type);
        if (type != null) {
            int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (at >= 0) {
                characterEncoding = type.substring(at + "charset=".length())
                        .split(";", 2)[0]
                        .trim();
            }
        }
    }

    @Override
    public @Nullable String getContentType() {
        return getHeader("Content-Type");
    }

    @Override
    public void setCharacterEncoding(@Nullable String charset) {
        characterEncoding = charset;
    }

    @Override
    public String getCharacterEncoding() {
        return characterEncoding == null ? StandardCharsets.UTF_8.name() : characterEncoding;
    }

    @Override
    public void setContentLength(int len) {
        // the filter writes the length of what it finally sends
    }

    @Override
    public void setContentLengthLong(long len) {
        // the filter writes the length of what it finally sends
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc) {
        status = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
    }

    @Override
    public void sendRedirect(String location) {
        status = SC_FOUND;
        setHeader("Location", location);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called on this response");
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new IllegalStateException("the response is buffered: no asynchronous writes");
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() was already called on this response");
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void reset() {
        resetBuffer();
        headers.clear();
        status = SC_OK;
    }

    @Override
    public void resetBuffer() {
        if (writer != null) {
            writer.flush();
        }
        body.reset();
    }
}
