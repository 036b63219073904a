package ai.openclaw.sdk.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The health endpoints, independent of any HTTP stack: {@code /health}, {@code /health/live}, {@code /health/ready}
 * and {@code /health/started} in the MicroProfile Health wire format, 200 when UP and 503 when DOWN.
 *
 * <p>Mount it in your framework by handing it the path below the mount point and writing the response back:
 *
 * <pre>{@code
 * HealthEndpoint health = HealthEndpoint.of(registry);
 *
 * // Javalin, with the endpoints under /health
 * app.get("/health/*", ctx -> {
 *     HealthEndpoint.Response r = health.respond(ctx.path().substring("/health".length()));
 *     ctx.status(r.status()).contentType(r.contentType()).result(r.body());
 * });
 *
 * // the JDK's server, as a handler
 * server.createContext("/health", health);
 * }</pre>
 *
 * <p>Or let {@link HealthServer} serve it on a port of its own.
 */
public final class HealthEndpoint implements HttpHandler {
    /** The content type of every answer. */
    public static final String CONTENT_TYPE = "application/json";

    private final HealthRegistry registry;

    private HealthEndpoint(HealthRegistry registry) {
        this.registry = registry;
    }

    /** The endpoints of a registry. */
    public static HealthEndpoint of(HealthRegistry registry) {
        return new HealthEndpoint(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * An HTTP answer.
     *
     * @param status 200 (UP), 503 (DOWN), 404 (no such endpoint) or 405 (a method other than GET or HEAD)
     * @param contentType always {@link #CONTENT_TYPE}
     * @param body the JSON document
     */
    public record Response(int status, String contentType, String body) {}

    /**
     * The answer for a path below the mount point: {@code ""} or {@code "/"} for every check, {@code "/live"}, {@code
     * "/ready"}, {@code "/started"} for a group; anything else is 404.
     */
    public Response respond(String path) {
        Objects.requireNonNull(path, "path");
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.isEmpty()) {
            return respond((HealthGroup) null);
        }
        for (HealthGroup g : HealthGroup.values()) {
            if (p.equals("/" + g.path())) {
                return respond(g);
            }
        }
        return new Response(
                404, CONTENT_TYPE, "{\"error\":\"no health endpoint here; try /live, /ready or /started\"}");
    }

    /** The answer for a group, or for every check when {@code group} is null. */
    public Response respond(@Nullable HealthGroup group) {
        HealthReport report = group == null ? registry.report() : registry.report(group);
        return new Response(report.isUp() ? 200 : 503, CONTENT_TYPE, report.toJson());
    }

    /** Serves a request of the JDK's HTTP server; the context path is the mount point. */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Response r;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                r = new Response(405, CONTENT_TYPE, "{\"error\":\"use GET or HEAD\"}");
            } else {
                String path = exchange.getRequestURI().getPath();
                String context = exchange.getHttpContext().getPath();
                String below = path.startsWith(context) ? path.substring(context.length()) : path;
                if (context.endsWith("/") && !below.isEmpty()) {
                    below = "/" + below;
                }
                r = respond(below);
            }
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", r.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(r.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(r.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
