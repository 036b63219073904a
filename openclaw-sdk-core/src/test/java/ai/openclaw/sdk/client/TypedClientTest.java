package ai.openclaw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractViolationException;
import ai.openclaw.sdk.discovery.InstanceSource;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Typed client interfaces against a real HTTP server on loopback. */
class TypedClientTest {
    record User(
            String id, String email, String name, @Nullable String nickname, String createdAt) {}

    record NewUser(String email, String name) {}

    record TimedUser(String id, Instant createdAt, Optional<String> nickname) {}

    record Rename(String name, Instant at) {}

    interface TimedUsers {
        @Http.Get("/users/{id}")
        TimedUser user(@Http.Path("id") String id);

        @Http.Post("/users")
        TimedUser rename(@Http.Body Rename rename, @Http.IdempotencyKey String key);
    }

    record Seen(
            String method, String rawPath, @Nullable String rawQuery, Map<String, List<String>> headers, String body) {}

    interface UserServiceClient {
        @Http.Get("/users/{id}")
        User getUser(@Http.Path("id") String id, @Http.Header("X-Request-Id") String requestId);

        @Http.Post("/users")
        User createUser(@Http.Body NewUser user, @Http.IdempotencyKey @Nullable String key);

        @Http.Get("/users")
        CompletableFuture<List<User>> findUsers(
                @Http.Query("email") @Nullable String email, @Http.Query("tag") List<String> tags);

        @Http.Delete("/users/{id}")
        void deleteUser(@Http.Path("id") String id, @Http.Header("X-Reason") @Nullable String reason);

        default User getUser(String id) {
            return getUser(id, "generated");
        }
    }

    static final String USER = "{\"id\":\"u-42\",\"email\":\"a@b\",\"name\":\"Ada\",\"nickname\":null,"
            + "\"createdAt\":\"2026-11-22T10:00:00Z\"}";

    private HttpServer server;
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private volatile String userBody = USER;
    private ServiceClients clients;
    private ServiceClients validating;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            String answer;
            int status;
            if (exchange.getRequestMethod().equals("DELETE")) {
                status = 204;
                answer = "";
            } else if (exchange.getRequestURI().getPath().equals("/users")
                    && exchange.getRequestMethod().equals("GET")) {
                status = 200;
                answer = "[" + USER + "," + USER.replace("u-42", "u-43") + "]";
            } else {
                status = exchange.getRequestMethod().equals("POST") ? 201 : 200;
                answer = userBody;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        ServiceDiscovery discovery = ServiceDiscovery.builder()
                .addSource(InstanceSource.of(Map.of(
                        "user-service",
                        List.of(URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort())))))
                .build();
        clients = ServiceClients.builder(discovery)
                .callTimeout(Duration.ofSeconds(2))
                .build();
        validating = ServiceClients.builder(discovery)
                .contracts(ContractRegistry.load(
                        Path.of(getClass().getResource("/contracts").toURI())))
                .callTimeout(Duration.ofSeconds(2))
                .build();
    }

    @AfterEach
    void stop() {
        clients.close();
        validating.close();
        server.stop(0);
    }

    private Seen last() {
        return seen.stream().reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void methodsBecomeRequests() throws Exception {
        UserServiceClient users = clients.client("user-service").as(UserServiceClient.class);

        User ada = users.getUser("u 42/x", "r-1");
        assertThat(ada.email()).isEqualTo("a@b");
        assertThat(last().method()).isEqualTo("GET");
        assertThat(last().rawPath()).isEqualTo("/users/u%2042%2Fx");
        assertThat(last().headers().get("X-request-id")).containsExactly("r-1");

        users.createUser(new NewUser("a@b", "Ada"), "key-1");
        assertThat(last().method()).isEqualTo("POST");
        assertThat(last().body()).isEqualTo("{\"email\":\"a@b\",\"name\":\"Ada\"}");
        assertThat(last().headers().get("Idempotency-key")).containsExactly("key-1");

        users.createUser(new NewUser("c@d", "Cy"), null);
        assertThat(last().headers()).doesNotContainKey("Idempotency-key");

        List<User> found = users.findUsers("a@b", List.of("x", "y z")).get(5, TimeUnit.SECONDS);
        assertThat(found).extracting(User::id).containsExactly("u-42", "u-43");
        assertThat(last().rawQuery()).isEqualTo("email=a%40b&tag=x&tag=y+z");

        users.findUsers(null, List.of()).get(5, TimeUnit.SECONDS);
        assertThat(last().rawQuery()).isNull();

        users.deleteUser("u-42", null);
        assertThat(last().method()).isEqualTo("DELETE");
        assertThat(last().headers()).doesNotContainKey("X-reason");

        assertThat(users.getUser("u-1").id()).isEqualTo("u-42"); // the default method, as written
        assertThat(last().headers().get("X-request-id")).containsExactly("generated");
        assertThat(users.toString()).isEqualTo("UserServiceClient calling user-service");
        assertThat(users)
                .isEqualTo(users)
                .isNotEqualTo(clients.client("user-service").as(UserServiceClient.class));
    }

    @Test
    void responsesAreCheckedAgainstTheContract() {
        UserServiceClient users = validating.client("user-service").as(UserServiceClient.class);
        assertThat(users.getUser("u-42", "r").name()).isEqualTo("Ada");
        userBody = "{\"id\":42,\"name\":\"Ada\",\"createdAt\":\"2026-11-22T10:00:00Z\"}";
        assertThatThrownBy(() -> users.getUser("u-42", "r"))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("/id")
                .hasMessageContaining("/email");
    }

    interface NoMethod {
        User get(@Http.Path("id") String id);
    }

    interface UnboundVariable {
        @Http.Get("/users/{id}/orders/{order}")
        User get(@Http.Path("id") String id);
    }

    interface UnknownVariable {
        @Http.Get("/users/{id}")
        User get(@Http.Path("id") String id, @Http.Path("user") String user);
    }

    interface BareParameter {
        @Http.Get("/users/{id}")
        User get(@Http.Path("id") String id, String extra);
    }

    interface TwoBodies {
        @Http.Post("/users")
        User create(@Http.Body NewUser a, @Http.Body NewUser b);
    }

    interface GetWithBody {
        @Http.Get("/users")
        User find(@Http.Body NewUser filter);
    }

    interface RawFuture {
        @SuppressWarnings("rawtypes")
        @Http.Get("/users")
        CompletableFuture find();
    }

    @Test
    void aBrokenInterfaceIsRefusedWhenCreatedNamingTheMethod() {
        ServiceClient client = clients.client("user-service");
        assertThatThrownBy(() -> client.as(NoMethod.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("typed client NoMethod.get has no @Http.Get, @Http.Post, @Http.Put, @Http.Patch or"
                        + " @Http.Delete");
        assertThatThrownBy(() -> client.as(UnboundVariable.class))
                .hasMessage("typed client UnboundVariable.get path variables [order] of '/users/{id}/orders/{order}'"
                        + " have no @Http.Path parameter");
        assertThatThrownBy(() -> client.as(UnknownVariable.class))
                .hasMessage("typed client UnknownVariable.get @Http.Path(\"user\") is not a variable of '/users/{id}'");
        assertThatThrownBy(() -> client.as(BareParameter.class))
                .hasMessageContaining("BareParameter.get parameter #1 has no @Http.Path");
        assertThatThrownBy(() -> client.as(TwoBodies.class))
                .hasMessageContaining("TwoBodies.create has two @Http.Body");
        assertThatThrownBy(() -> client.as(GetWithBody.class))
                .hasMessageContaining("GetWithBody.find a GET has no body");
        assertThatThrownBy(() -> client.as(RawFuture.class)).hasMessageContaining("RawFuture.find returns a raw");
        assertThatThrownBy(() -> client.as(User.class)).hasMessageContaining("is not an interface");
    }

    @Test
    void javaTimeAndOptionalMapOutOfTheBoxBothWays() {
        TimedUsers users = clients.client("user-service").as(TimedUsers.class);
        TimedUser ada = users.user("u-42");
        assertThat(ada.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(ada.nickname()).as("null reads as empty").isEmpty();

        users.rename(new Rename("Ada", Instant.parse("2026-12-02T08:00:00.5Z")), "k-1");
        assertThat(seen)
                .last()
                .extracting(Seen::body)
                .isEqualTo("{\"name\":\"Ada\",\"at\":\"2026-12-02T08:00:00.500Z\"}");
    }
}
