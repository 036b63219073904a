package ai.openclaw.sdk.testing.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.pact.ConsumerVersionSelector;
import ai.openclaw.sdk.pact.PactBroker;
import ai.openclaw.sdk.testing.pact.PactVerifier;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * A provider verified against the pacts a broker (stand-in) selects: the pending pact's failure is reported without
 * failing, and each pact's result is published.
 */
class BrokerVerificationTest {
    static final String RESULTS_AAA =
            "/pacts/provider/user-service/consumer/billing-service/pact-version/aaa/verification-results";
    static final String RESULTS_BBB =
            "/pacts/provider/user-service/consumer/notification-service/pact-version/bbb/verification-results";

    WireMockServer broker;
    HttpServer provider;

    @BeforeEach
    void start() throws Exception {
        broker = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        broker.start();
        BrokerStandIn.stub(broker, PactBrokerTest.TOKEN);
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/users/", exchange -> {
            byte[] body = "{\"id\":\"u-1\",\"email\":\"ada@example.com\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
        broker.stop();
    }

    URI providerUrl() {
        return URI.create("http://127.0.0.1:" + provider.getAddress().getPort());
    }

    PactVerifier verifier(PactBroker client) {
        return PactVerifier.forProvider("user-service")
                .pactsFrom(
                        client,
                        PactBroker.Verification.of(ConsumerVersionSelector.mainBranch())
                                .providerBranch("main")
                                .withPending())
                .publishResults("2.0.1", "main");
    }

    @Test
    void aFailingPendingPactIsReportedNotFailedAndEveryResultIsPublished() {
        try (PactBroker client = PactBroker.builder(URI.create(broker.baseUrl()))
                .bearerToken(PactBrokerTest.TOKEN)
                .build()) {
            verifier(client).verify(providerUrl()); // does not throw: the failing pact is pending
        }
        broker.verify(postRequestedFor(urlEqualTo(RESULTS_AAA))
                .withRequestBody(matchingJsonPath("$.success", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.providerApplicationVersion", equalTo("2.0.1"))));
        broker.verify(postRequestedFor(urlEqualTo(RESULTS_BBB))
                .withRequestBody(matchingJsonPath("$.success", equalTo("false"))));
        broker.verify(2, putRequestedFor(urlEqualTo("/pacticipants/user-service/branches/main/versions/2.0.1")));
    }

    @Test
    void asDynamicTestsThePendingPactIsAbortedNotFailed() throws Throwable {
        List<String> outcomes = new ArrayList<>();
        try (PactBroker client = PactBroker.builder(URI.create(broker.baseUrl()))
                .bearerToken(PactBrokerTest.TOKEN)
                .build()) {
            for (DynamicTest t : verifier(client).tests(providerUrl()).toList()) {
                try {
                    t.getExecutable().execute();
                    outcomes.add("passed " + t.getDisplayName());
                } catch (TestAbortedException e) {
                    outcomes.add("aborted " + t.getDisplayName());
                }
            }
        }
        assertThat(outcomes)
                .containsExactly(
                        "passed billing-service: a request for user u-1",
                        "aborted [pending] notification-service: a request for user u-1's mail address");
        broker.verify(postRequestedFor(urlEqualTo(RESULTS_BBB))
                .withRequestBody(matchingJsonPath("$.success", equalTo("false"))));
    }
}
