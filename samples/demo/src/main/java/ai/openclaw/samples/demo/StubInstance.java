package ai.openclaw.samples.demo;

import ai.openclaw.sdk.catalog.EndpointMatch;
import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One instance of a catalog service on the JDK's HTTP server, on a free loopback port. It routes each request with the
 * catalog's own endpoint matching: a declared endpoint answers 200 with what matched, anything else 404.
 */
final class StubInstance implements AutoCloseable {
    private final String service;
    private final HttpServer server;

    StubInstance(ServiceCatalog catalog, String service) throws IOException {
        this.service = service;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(catalog, exchange));
        server.start();
    }

    private void answer(ServiceCatalog catalog, HttpExchange exchange) throws IOException {
        Optional<EndpointMatch> match = HttpMethod.parse(exchange.getRequestMethod())
                .flatMap(m -> catalog.findEndpoint(
                        service, m, exchange.getRequestURI().getRawPath()));
        String body = match.map(m -> "{\"service\":\"" + service + "\",\"port\":" + port() + ",\"endpoint\":\""
                        + m.endpoint() + "\",\"variables\":\"" + m.pathVariables() + "\"}")
                .orElse("{\"service\":\"" + service + "\",\"error\":\"no such endpoint\"}");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(match.isPresent() ? 200 : 404, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Stops answering; idempotent. */
    void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }
}
