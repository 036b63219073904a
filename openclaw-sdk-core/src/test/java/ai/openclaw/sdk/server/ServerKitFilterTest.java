package ai.openclaw.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.internal.source.SourceDocument;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server kit as a servlet filter in a real servlet container (Jetty 12, Servlet 6), called over real HTTP. */
class ServerKitFilterTest {
    private static final String CONTRACT = """
            openapi: 3.0.3
            info: {title: user-service, version: '1.0.0'}
            paths:
              /users/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: a user
                      content:
                        application/json:
                          schema: {type: object, required: [id], properties: {id: {type: string}}}
              /users:
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {type: object, required: [email], properties: {email: {type: string}}}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          schema: {type: object, required: [id], properties: {id: {type: string}}}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger calls = new AtomicInteger();
    private Server server;
    private URI base;

    /** The application: a plain servlet, knowing nothing of the kit. */
    private final class Users extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            calls.incrementAndGet();
            if (req.getRequestURI().equals("/health")) {
                resp.setContentType("text/plain");
                resp.getWriter().write("UP");
                return;
            }
            String id = req.getRequestURI().substring("/users/".length());
            resp.setContentType("application/json");
            resp.addHeader("Set-Cookie", "a=1");
            resp.addHeader("Set-Cookie", "b=2");
            resp.getWriter().write(id.equals("u-broken") ? "{\"name\": \"no id\"}" : "{\"id\": \"" + id + "\"}");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            int n = calls.incrementAndGet();
            String body = req.getReader().lines().collect(Collectors.joining());
            resp.setStatus(201);
            resp.setContentType("application/json");
            resp.getOutputStream()
                    .write(("{\"id\": \"u-" + n + "\", \"seen\": " + JSON.writeValueAsString(body) + "}").getBytes());
        }
    }

    private void start(ResponseValidation responses) throws Exception {
        HttpContract contract = HttpContract.of(
                "user-service",
                SourceDocument.parseYaml("user-service.yaml", CONTRACT).root());
        ServerKit kit = ServerKit.builder("user-service", contract)
                .responseValidation(responses)
                .build();
        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new ServerKitFilter(kit)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new Users()), "/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApplicationsAnswerGoesOutWithEveryHeaderValue() throws Exception {
        start(ResponseValidation.OFF);
        HttpResponse<String> r = get("/users/u-1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("id").asText()).isEqualTo("u-1");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void aRequestBreakingTheContractNeverReachesTheApplication() throws Exception {
        start(ResponseValidation.OFF);
        HttpResponse<String> r = post("{\"name\": \"no email\"}", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(ServerKit.PROBLEM_JSON);
        assertThat(JSON.readTree(r.body())
                        .path("violations")
                        .get(0)
                        .path("pointer")
                        .asText())
                .isEqualTo("/email");
        assertThat(calls).hasValue(0);
    }

    @Test
    void theBodyReadByTheFilterIsReadAgainByTheApplicationAndAKeyReplaysTheAnswer() throws Exception {
        start(ResponseValidation.OFF);
        HttpResponse<String> first = post("{\"email\": \"a@example.com\"}", "k-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(first.body()).path("seen").asText()).isEqualTo("{\"email\": \"a@example.com\"}");
        HttpResponse<String> again = post("{\"email\": \"a@example.com\"}", "k-1");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue(ServerKit.REPLAYED)).hasValue("true");
        assertThat(calls).hasValue(1);
    }

    @Test
    void pathsTheContractDoesNotDescribePassThrough() throws Exception {
        start(ResponseValidation.REFUSE);
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("UP");
    }

    @Test
    void aBrokenResponseIsRefusedWhenTheKitSaysSo() throws Exception {
        start(ResponseValidation.REFUSE);
        HttpResponse<String> r = get("/users/u-broken");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body())
                .contains("the response breaks the user-service contract")
                .doesNotContain("no id");
    }
}
