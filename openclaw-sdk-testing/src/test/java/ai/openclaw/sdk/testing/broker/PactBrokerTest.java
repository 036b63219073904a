package ai.openclaw.sdk.testing.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.pact.BrokerPact;
import ai.openclaw.sdk.pact.CanIDeploy;
import ai.openclaw.sdk.pact.ConsumerVersionSelector;
import ai.openclaw.sdk.pact.PactBroker;
import ai.openclaw.sdk.pact.PactBrokerException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker client against a stand-in on loopback answering as the Pact Broker's API documentation says: the HAL
 * index, publish-contracts, pacts for verification, verification results, can-i-deploy, authentication and errors.
 */
class PactBrokerTest {
    static final String TOKEN = "s3cr3t-t0ken";
    static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer broker;

    @BeforeEach
    void start() {
        broker = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        broker.start();
        BrokerStandIn.stub(broker, TOKEN);
    }

    @AfterEach
    void stop() {
        broker.stop();
    }

    PactBroker client() {
        return PactBroker.builder(URI.create(broker.baseUrl()))
                .bearerToken(TOKEN)
                .build();
    }

    static Path pact(Path dir, String consumer, String provider) throws Exception {
        Path file = dir.resolve(consumer + "-" + provider + ".json");
        Files.writeString(
                file,
                "{\"consumer\":{\"name\":\"" + consumer + "\"},\"provider\":{\"name\":\"" + provider + "\"},"
                        + "\"interactions\":[],\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}}}");
        return file;
    }

    @Test
    void publishesPactsWithVersionBranchAndTagsThroughPublishContracts(@TempDir Path dir) throws Exception {
        pact(dir, "billing-service", "user-service");
        pact(dir, "billing-service", "plan-service");
        try (PactBroker client = client()) {
            List<String> notices = client.publish(
                    PactBroker.Publication.of("1.4.2")
                            .branch("main")
                            .tags("ci", "green")
                            .buildUrl("https://ci/1"),
                    List.of(dir));
            assertThat(notices).contains("Created billing-service version 1.4.2 with branch main");
        }
        List<LoggedRequest> published = broker.findAll(postRequestedFor(urlEqualTo("/contracts/publish")));
        assertThat(published).hasSize(1);
        JsonNode body = JSON.readTree(published.get(0).getBodyAsString());
        assertThat(body.path("pacticipantName").asText()).isEqualTo("billing-service");
        assertThat(body.path("pacticipantVersionNumber").asText()).isEqualTo("1.4.2");
        assertThat(body.path("branch").asText()).isEqualTo("main");
        assertThat(body.path("tags").toString()).isEqualTo("[\"ci\",\"green\"]");
        assertThat(body.path("buildUrl").asText()).isEqualTo("https://ci/1");
        assertThat(body.path("contracts")).hasSize(2);
        JsonNode first = body.path("contracts").get(0);
        assertThat(first.path("specification").asText()).isEqualTo("pact");
        JsonNode content =
                JSON.readTree(Base64.getDecoder().decode(first.path("content").asText()));
        assertThat(content.path("provider").path("name").asText())
                .isEqualTo(first.path("providerName").asText());
        assertThat(published.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aBrokerWithoutPublishContractsGetsAPutPerPactTagAndBranch(@TempDir Path dir) throws Exception {
        broker.stubFor(get(urlEqualTo("/"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody("{\"_links\":{}}")));
        broker.stubFor(put(urlPathEqualTo("/pacts/provider/user-service/consumer/billing-service/version/1.4.2"))
                .willReturn(aResponse().withStatus(201).withBody("{}")));
        broker.stubFor(put(urlPathEqualTo("/pacticipants/billing-service/versions/1.4.2/tags/ci"))
                .willReturn(aResponse().withStatus(201)));
        broker.stubFor(put(urlPathEqualTo("/pacticipants/billing-service/branches/main/versions/1.4.2"))
                .willReturn(aResponse().withStatus(201)));
        try (PactBroker client = client()) {
            client.publish(
                    PactBroker.Publication.of("1.4.2").branch("main").tags("ci"),
                    List.of(pact(dir, "billing-service", "user-service")));
        }
        broker.verify(putRequestedFor(urlEqualTo("/pacts/provider/user-service/consumer/billing-service/version/1.4.2"))
                .withRequestBody(matchingJsonPath("$.consumer.name", equalTo("billing-service"))));
        broker.verify(putRequestedFor(urlEqualTo("/pacticipants/billing-service/versions/1.4.2/tags/ci")));
        broker.verify(putRequestedFor(urlEqualTo("/pacticipants/billing-service/branches/main/versions/1.4.2")));
    }

    @Test
    void aConflictingPublicationIsRefusedWithTheBrokersWords(@TempDir Path dir) throws Exception {
        try (PactBroker client = client()) {
            assertThatThrownBy(() -> client.publish(
                            PactBroker.Publication.of("1.0.0-conflict"),
                            List.of(pact(dir, "billing-service", "user-service"))))
                    .isInstanceOf(PactBrokerException.class)
                    .hasMessageContaining("answered 409 to POST /contracts/publish")
                    .hasMessageContaining("Cannot change the content of the pact")
                    .satisfies(
                            e -> assertThat(((PactBrokerException) e).status()).isEqualTo(409));
        }
    }

    @Test
    void theProvidersPactsComeBySelectorsWithPendingAndWipFlags() throws Exception {
        List<BrokerPact> pacts;
        try (PactBroker client = client()) {
            pacts = client.pactsForVerification(
                    "user-service",
                    PactBroker.Verification.of(
                                    ConsumerVersionSelector.mainBranch(),
                                    ConsumerVersionSelector.deployedOrReleased(),
                                    ConsumerVersionSelector.branch("feat/x").forConsumer("billing-service"))
                            .providerBranch("main")
                            .withWipSince(LocalDate.of(2026, 11, 1)));
        }
        JsonNode asked = JSON.readTree(
                broker.findAll(postRequestedFor(urlEqualTo("/pacts/provider/user-service/for-verification")))
                        .get(0)
                        .getBodyAsString());
        assertThat(asked)
                .isEqualTo(JSON.readTree("{\"consumerVersionSelectors\":[{\"mainBranch\":true},"
                        + "{\"deployedOrReleased\":true},{\"branch\":\"feat/x\",\"consumer\":\"billing-service\"}],"
                        + "\"providerVersionBranch\":\"main\",\"includePendingStatus\":true,"
                        + "\"includeWipPactsSince\":\"2026-11-01\"}"));
        assertThat(pacts).hasSize(2);
        assertThat(pacts.get(0).consumer()).isEqualTo("billing-service");
        assertThat(pacts.get(0).pending()).isFalse();
        assertThat(pacts.get(1).consumer()).isEqualTo("notification-service");
        assertThat(pacts.get(1).pending()).isTrue();
        assertThat(pacts.get(1).wip()).isTrue();
        assertThat(pacts.get(1).notices()).anySatisfy(n -> assertThat(n).contains("pending"));
        assertThat(pacts.get(0).resultsUrl()).isPresent();
        assertThat(pacts.get(0).document().path("interactions")).hasSize(1);
    }

    @Test
    void canIDeployReadsTheMatrix() {
        try (PactBroker client = client()) {
            CanIDeploy yes = client.canIDeploy("billing-service", "1.4.2", "production");
            assertThat(yes.deployable()).isTrue();
            assertThat(yes.reason()).contains("successful");
            assertThat(yes.results()).containsExactly("billing-service 1.4.2 -> user-service 2.0.1: verified");
            CanIDeploy no = client.canIDeploy("billing-service", "1.5.0", "production");
            assertThat(no.deployable()).isFalse();
            assertThat(no.failed()).isEqualTo(1);
            assertThat(no.results()).containsExactly("billing-service 1.5.0 -> user-service 2.0.1: failed");
        }
    }

    @Test
    void credentialsAreRequiredAndNeverPrinted() {
        try (PactBroker wrong = PactBroker.builder(URI.create(broker.baseUrl()))
                .bearerToken("not-the-token")
                .build()) {
            assertThatThrownBy(() -> wrong.canIDeploy("billing-service", "1.4.2", "production"))
                    .isInstanceOf(PactBrokerException.class)
                    .hasMessageContaining("answered 401")
                    .hasMessageContaining("check the broker token")
                    .hasMessageNotContaining("not-the-token");
        }
        URI withUser = URI.create("http://ada:pa%20ss@127.0.0.1:" + broker.port());
        try (PactBroker basic = PactBroker.builder(withUser).build()) {
            assertThat(basic.url()).doesNotContain("pa").doesNotContain("ada");
            assertThat(basic.canIDeploy("billing-service", "1.4.2", "production")
                            .deployable())
                    .as("user and password from the URL, as basic auth")
                    .isTrue();
        }
        try (PactBroker basic = PactBroker.builder(URI.create(broker.baseUrl()))
                .basicAuth("ada", "pa ss")
                .build()) {
            assertThat(basic.canIDeploy("billing-service", "1.4.2", "production")
                            .deployable())
                    .isTrue();
        }
    }

    @Test
    void anUnreachableBrokerIsNamedWithoutCredentials() {
        int port = broker.port();
        broker.stop();
        try (PactBroker gone = PactBroker.builder(URI.create("http://ada:hunter2@127.0.0.1:" + port))
                .timeout(java.time.Duration.ofSeconds(2))
                .build()) {
            assertThatThrownBy(() -> gone.canIDeploy("billing-service", "1", "production"))
                    .isInstanceOf(PactBrokerException.class)
                    .hasMessageContaining("could not be reached")
                    .hasMessageNotContaining("hunter2")
                    .satisfies(
                            e -> assertThat(((PactBrokerException) e).status()).isZero());
        }
        broker.start(); // for @AfterEach
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
