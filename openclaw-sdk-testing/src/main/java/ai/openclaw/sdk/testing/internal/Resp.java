package ai.openclaw.sdk.testing.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Just enough of the Redis protocol (RESP2) to administer a test server: PING, FLUSHALL, SHUTDOWN, INFO, GET, SET.
 * One connection per command; not for application traffic, which goes through Lettuce.
 */
public final class Resp {
    private Resp() {}

    /** A Redis error reply. */
    public static final class RedisError extends IOException {
        private static final long serialVersionUID = 1L;

        RedisError(String message) {
            super(message);
        }
    }

    /**
     * Sends one command and reads its reply: a String for simple and bulk strings, a Long for integers, a List for
     * arrays, null for a null reply.
     *
     * @param tls whether to connect with TLS ({@code rediss})
     * @param user the ACL user, or null
     * @param password the password, or null for none
     */
    public static @Nullable Object call(
            String host, int port, boolean tls, @Nullable String user, @Nullable String password, String... command)
            throws IOException {
        try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (password != null) {
                write(out, user == null ? new String[] {"AUTH", password} : new String[] {"AUTH", user, password});
                read(in);
            }
            write(out, command);
            return read(in);
        }
    }

    private static void write(OutputStream out, String[] command) throws IOException {
        StringBuilder b = new StringBuilder().append('*').append(command.length).append("\r\n");
        for (String arg : command) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            b.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static @Nullable Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new RedisError(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(length);
                line(in);
                return new String(data, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default:
                throw new IOException("not a RESP reply (first byte " + type + ")");
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed mid-reply");
            }
            b.write(c);
        }
        in.read(); // '\n'
        return b.toString(StandardCharsets.UTF_8);
    }
}
