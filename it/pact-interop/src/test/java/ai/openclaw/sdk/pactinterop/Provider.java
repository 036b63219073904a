package ai.openclaw.sdk.pactinterop;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** user-service on loopback: {@code GET /users/u-1} answers a user whose e-mail field has the name given. */
final class Provider implements AutoCloseable {
    private final HttpServer server;

    Provider(String emailField) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/users/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/users/".length());
            byte[] body = ("{\"id\":\"" + id + "\",\"" + emailField + "\":\"grace@example.com\",\"name\":\"Grace\","
                            + "\"roles\":[\"admin\",\"billing\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(id.equals("u-404") ? 404 : 200, id.equals("u-404") ? -1 : body.length);
            if (!id.equals("u-404")) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
