package ai.openclaw.sdk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openclaw pacts publish | verify | can-i-deploy} against a broker stand-in and a provider on loopback. */
class PactsCommandsTest {
    static final String TOKEN = "cli-t0ken";

    WireMockServer broker;

    @BeforeEach
    void start() {
        broker = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        broker.start();
        String base = broker.baseUrl();
        broker.stubFor(get(urlEqualTo("/"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody("{\"_links\":{\"pb:publish-contracts\":{\"href\":\"" + base + "/contracts/publish\"},"
                                + "\"pb:provider-pacts-for-verification\":{\"href\":\"" + base
                                + "/pacts/provider/{provider}/for-verification\",\"templated\":true}}}")));
        broker.stubFor(post(urlEqualTo("/contracts/publish"))
                .willReturn(aResponse().withBody("{\"notices\":[{\"text\":\"Created billing-service version 7\"}]}")));
        broker.stubFor(post(urlEqualTo("/pacts/provider/user-service/for-verification"))
                .willReturn(aResponse()
                        .withBody("{\"_embedded\":{\"pacts\":[{\"verificationProperties\":{\"pending\":false},"
                                + "\"_links\":{\"self\":{\"href\":\"" + base + "/pacts/p1\"}}}]}}")));
        broker.stubFor(get(urlEqualTo("/pacts/p1"))
                .willReturn(aResponse()
                        .withBody(
                                "{\"consumer\":{\"name\":\"billing-service\"},\"provider\":{\"name\":\"user-service\"},"
                                        + "\"interactions\":[{\"type\":\"Synchronous/HTTP\",\"key\":\"k\",\"description\":"
                                        + "\"a request for user u-1\",\"providerStates\":[{\"name\":\"user u-1 exists\"}],"
                                        + "\"request\":{\"method\":\"GET\",\"path\":\"/users/u-1\"},"
                                        + "\"response\":{\"status\":200}}],"
                                        + "\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}},"
                                        + "\"_links\":{\"pb:publish-verification-results\":{\"href\":\"" + base
                                        + "/pacts/p1/results\"}}}")));
        broker.stubFor(
                post(urlEqualTo("/pacts/p1/results")).willReturn(aResponse().withStatus(201)));
        broker.stubFor(get(urlPathEqualTo("/can-i-deploy"))
                .willReturn(aResponse()
                        .withBody(
                                "{\"summary\":{\"deployable\":false,\"reason\":\"a verification failed\",\"success\":0,"
                                        + "\"failed\":1,\"unknown\":0},\"matrix\":[]}")));
    }

    @AfterEach
    void stop() {
        broker.stop();
    }

    @Test
    void publishSendsTheFolderAsAConsumerVersion(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("billing-service-user-service.json"),
                "{\"consumer\":{\"name\":\"billing-service\"},\"provider\":{\"name\":\"user-service\"},"
                        + "\"interactions\":[]}");
        CliRun run = CliRun.of(
                "pacts",
                "publish",
                dir.toString(),
                "--broker-url",
                broker.baseUrl(),
                "--broker-token",
                TOKEN,
                "--consumer-app-version",
                "7",
                "--branch",
                "main",
                "--tag",
                "ci");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Created billing-service version 7");
        broker.verify(postRequestedFor(urlEqualTo("/contracts/publish"))
                .withRequestBody(matchingJsonPath("$.branch", equalTo("main")))
                .withRequestBody(matchingJsonPath("$.tags[0]", equalTo("ci"))));
    }

    @Test
    void canIDeployExitsOneWhenTheAnswerIsNo() {
        CliRun run = CliRun.of(
                "pacts",
                "can-i-deploy",
                "--broker-url",
                broker.baseUrl(),
                "--broker-token",
                TOKEN,
                "--pacticipant",
                "billing-service",
                "--version",
                "7",
                "--to-environment",
                "production");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("no: billing-service 7 to production (a verification failed)");
    }

    @Test
    void aBrokerErrorNeverShowsTheToken() {
        CliRun run = CliRun.of(
                "pacts",
                "can-i-deploy",
                "--broker-url",
                broker.baseUrl() + "/nowhere",
                "--broker-token",
                TOKEN,
                "--pacticipant",
                "billing-service",
                "--version",
                "7",
                "--to-environment",
                "production");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("answered 404").doesNotContain(TOKEN);
    }

    @Test
    void verifyReplaysTheBrokersPactsSetsStatesOverHttpAndPublishesTheResult() throws Exception {
        List<String> states = new CopyOnWriteArrayList<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/users/u-1", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        provider.createContext("/_pact/state", exchange -> {
            states.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        provider.start();
        try {
            String url = "http://127.0.0.1:" + provider.getAddress().getPort();
            CliRun run = CliRun.of(
                    "pacts",
                    "verify",
                    "--provider",
                    "user-service",
                    "--provider-base-url",
                    url,
                    "--broker-url",
                    broker.baseUrl(),
                    "--broker-token",
                    TOKEN,
                    "--state-change-url",
                    url + "/_pact/state",
                    "--provider-app-version",
                    "2.0.1",
                    "--publish-verification-results");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("user-service honours its consumers' pacts");
        } finally {
            provider.stop(0);
        }
        assertThat(states).hasSize(2);
        assertThat(states.get(0)).contains("\"state\":\"user u-1 exists\"").contains("\"action\":\"setup\"");
        assertThat(states.get(1)).contains("\"action\":\"teardown\"");
        broker.verify(postRequestedFor(urlEqualTo("/pacts/p1/results"))
                .withRequestBody(matchingJsonPath("$.success", equalTo("true"))));
    }

    @Test
    void verifyFromFilesFailsNamingTheDifference(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("billing-service-user-service.json"),
                "{\"consumer\":{\"name\":\"billing-service\"},\"provider\":{\"name\":\"user-service\"},"
                        + "\"interactions\":[{\"type\":\"Synchronous/HTTP\",\"key\":\"k\",\"description\":\"d\","
                        + "\"request\":{\"method\":\"GET\",\"path\":\"/users/u-1\"},\"response\":{\"status\":204}}]}");
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        provider.start();
        try {
            CliRun run = CliRun.of(
                    "pacts",
                    "verify",
                    "--provider",
                    "user-service",
                    "--provider-base-url",
                    "http://127.0.0.1:" + provider.getAddress().getPort(),
                    "--pact",
                    dir.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("expected the status 204");
        } finally {
            provider.stop(0);
        }
    }
}
