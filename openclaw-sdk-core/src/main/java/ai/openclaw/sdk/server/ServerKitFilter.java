package ai.openclaw.sdk.server;

import ai.openclaw.sdk.internal.server.CapturedResponse;
import ai.openclaw.sdk.internal.server.ReplayedRequest;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link ServerKit} as a Jakarta Servlet filter (Servlet 6, as Tomcat 10.1, Jetty 12 and Spring Boot 3 run): a
 * request to an operation of the service's contract is traced, checked, deduplicated by its {@code Idempotency-Key}
 * and, when it keeps the contract, passed down the chain with its body readable again; the answer the application
 * writes is captured, checked when the kit checks responses, stored for replays, and written out. Requests to paths
 * the contract does not describe (health, metrics, static files) pass through untouched.
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler();
 * context.addFilter(new FilterHolder(new ServerKitFilter(kit)), "/*", EnumSet.of(DispatcherType.REQUEST));
 *
 * // Spring Boot
 * @Bean FilterRegistrationBean<ServerKitFilter> serverKit(ServerKit kit) {
 *     return new FilterRegistrationBean<>(new ServerKitFilter(kit));
 * }
 * }</pre>
 *
 * <p>The response is buffered until the application returns (it is checked and stored as a whole): this filter is for
 * JSON APIs, not for streaming downloads.
 */
public final class ServerKitFilter implements Filter {
    private final ServerKit kit;

    /** A filter serving through a kit. */
    public ServerKitFilter(ServerKit kit) {
        this.kit = Objects.requireNonNull(kit, "kit");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        String rawPath = rawPath(request);
        if (!kit.describes(rawPath)) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(kit.maxBodyBytes() + 1);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        ServerKit.Inbound inbound =
                new ServerKit.Inbound(request.getMethod(), rawPath, request.getQueryString(), headers, body);
        List<CapturedResponse> captured = new ArrayList<>(1);
        ServerKit.Outbound out = kit.handle(inbound, serverRequest -> {
            CapturedResponse capture = new CapturedResponse(response);
            captured.add(capture);
            chain.doFilter(new ReplayedRequest(request, body), capture);
            return new ServerResponse(capture.getStatus(), capture.singleValuedHeaders(), capture.bytes());
        });
        // the real response still holds only what filters before this one set: add to it, never reset it
        response.setStatus(out.status());
        boolean fromTheApplication = !captured.isEmpty()
                && !out.headers().containsKey(ServerKit.REPLAYED)
                && out.status() == captured.get(0).getStatus();
        if (fromTheApplication) {
            captured.get(0).copyHeadersTo(response); // every value, Set-Cookie included
        }
        out.headers().forEach((name, value) -> {
            if (!fromTheApplication || !response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
        if (out.body().length > 0 && !request.getMethod().equalsIgnoreCase("HEAD")) {
            response.setContentLength(out.body().length);
            response.getOutputStream().write(out.body());
        }
        response.flushBuffer();
    }

    /** The path below the context, percent-encoded as sent. */
    private static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
