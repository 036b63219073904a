package ai.openclaw.sdk.testing.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A Pact Broker stand-in: WireMock answering as the broker's API documentation says, for user-service (provider) and
 * billing-service / notification-service (consumers). Requests need {@code Authorization: Bearer <token>} or basic
 * {@code ada:pa ss}; anything else is a 401.
 */
final class BrokerStandIn {
    private BrokerStandIn() {}

    static final String PACT = "{\"consumer\":{\"name\":\"%s\"},\"provider\":{\"name\":\"user-service\"},"
            + "\"interactions\":[{\"type\":\"Synchronous/HTTP\",\"key\":\"k1\",\"description\":\"%s\","
            + "\"providerStates\":[],\"request\":{\"method\":\"GET\",\"path\":\"/users/u-1\"},"
            + "\"response\":{\"status\":200,\"headers\":{\"Content-Type\":[\"application/json\"]},"
            + "\"body\":{\"content\":{\"id\":\"u-1\",\"%s\":\"ada@example.com\"},\"contentType\":\"application/json\","
            + "\"encoded\":false}}}],\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}},"
            + "\"_links\":{\"pb:publish-verification-results\":{\"href\":\"%s\"}}}";

    static MappingBuilder authed(MappingBuilder m, String token) {
        return m.withHeader("Authorization", authorization(token));
    }

    private static StringValuePattern authorization(String token) {
        String basic = "Basic " + Base64.getEncoder().encodeToString("ada:pa ss".getBytes(StandardCharsets.UTF_8));
        return equalTo("Bearer " + token).or(equalTo(basic));
    }

    static void stub(WireMockServer broker, String token) {
        String base = broker.baseUrl();
        broker.stubFor(any(anyUrl())
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("WWW-Authenticate", "Bearer")
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody("{\"error\":{\"message\":\"Unauthorized\"}}")));
        broker.stubFor(authed(get(urlEqualTo("/")), token)
                .willReturn(hal("{\"_links\":{"
                        + "\"pb:publish-contracts\":{\"href\":\"" + base + "/contracts/publish\"},"
                        + "\"pb:provider-pacts-for-verification\":{\"href\":\"" + base
                        + "/pacts/provider/{provider}/for-verification\",\"templated\":true}}}")));
        broker.stubFor(authed(post(urlEqualTo("/contracts/publish")), token)
                .willReturn(hal("{\"notices\":[{\"type\":\"success\",\"text\":\"Created billing-service version 1.4.2"
                        + " with branch main\"}],\"_embedded\":{}}")));
        broker.stubFor(authed(post(urlEqualTo("/contracts/publish")), token)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.pacticipantVersionNumber", equalTo("1.0.0-conflict")))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody("{\"errors\":{\"contracts\":[\"Cannot change the content of the pact for"
                                + " billing-service version 1.0.0-conflict and provider user-service\"]}}")));
        broker.stubFor(authed(post(urlEqualTo("/pacts/provider/user-service/for-verification")), token)
                .willReturn(hal("{\"_embedded\":{\"pacts\":["
                        + "{\"shortDescription\":\"latest from main\",\"verificationProperties\":{\"pending\":false,"
                        + "\"notices\":[{\"when\":\"before_verification\",\"text\":\"The pact at ... is being"
                        + " verified because it matches the selector {mainBranch: true}\"}]},"
                        + "\"_links\":{\"self\":{\"href\":\"" + base
                        + "/pacts/provider/user-service/consumer/billing-service/pact-version/aaa\"}}},"
                        + "{\"shortDescription\":\"wip\",\"verificationProperties\":{\"pending\":true,\"wip\":true,"
                        + "\"notices\":[{\"when\":\"before_verification\",\"text\":\"This pact is in pending state"
                        + " for this version of user-service\"}]},"
                        + "\"_links\":{\"self\":{\"href\":\"" + base
                        + "/pacts/provider/user-service/consumer/notification-service/pact-version/bbb\"}}}"
                        + "]}}")));
        broker.stubFor(
                authed(get(urlEqualTo("/pacts/provider/user-service/consumer/billing-service/pact-version/aaa")), token)
                        .willReturn(hal(String.format(
                                PACT,
                                "billing-service",
                                "a request for user u-1",
                                "email",
                                base + "/pacts/provider/user-service/consumer/billing-service/pact-version/aaa/"
                                        + "verification-results"))));
        broker.stubFor(authed(
                        get(urlEqualTo("/pacts/provider/user-service/consumer/notification-service/pact-version/bbb")),
                        token)
                .willReturn(hal(String.format(
                        PACT,
                        "notification-service",
                        "a request for user u-1's mail address",
                        "mailAddress",
                        base + "/pacts/provider/user-service/consumer/notification-service/pact-version/bbb/"
                                + "verification-results"))));
        broker.stubFor(authed(
                        post(urlPathEqualTo("/pacts/provider/user-service/consumer/billing-service/pact-version/aaa/"
                                + "verification-results")),
                        token)
                .willReturn(hal("{}").withStatus(201)));
        broker.stubFor(authed(
                        post(urlPathEqualTo(
                                "/pacts/provider/user-service/consumer/notification-service/pact-version/bbb/"
                                        + "verification-results")),
                        token)
                .willReturn(hal("{}").withStatus(201)));
        broker.stubFor(authed(put(urlPathEqualTo("/pacticipants/user-service/branches/main/versions/2.0.1")), token)
                .willReturn(hal("{}").withStatus(201)));
        broker.stubFor(authed(
                        get(urlEqualTo(
                                "/can-i-deploy?pacticipant=billing-service&version=1.4.2&environment=production")),
                        token)
                .willReturn(hal(matrix("1.4.2", true))));
        broker.stubFor(authed(
                        get(urlEqualTo(
                                "/can-i-deploy?pacticipant=billing-service&version=1.5.0&environment=production")),
                        token)
                .willReturn(hal(matrix("1.5.0", false))));
    }

    private static String matrix(String version, boolean ok) {
        return "{\"summary\":{\"deployable\":" + ok + ",\"reason\":\""
                + (ok
                        ? "All required verification results are published and successful"
                        : "The verification for the pact between billing-service " + version
                                + " and user-service 2.0.1 failed")
                + "\",\"success\":" + (ok ? 1 : 0) + ",\"failed\":" + (ok ? 0 : 1) + ",\"unknown\":0},"
                + "\"matrix\":[{\"consumer\":{\"name\":\"billing-service\",\"version\":{\"number\":\"" + version
                + "\"}},\"provider\":{\"name\":\"user-service\",\"version\":{\"number\":\"2.0.1\"}},"
                + "\"verificationResult\":{\"success\":" + ok + ",\"verifiedAt\":\"2026-12-03T10:00:00Z\"}}]}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder hal(String body) {
        return aResponse().withHeader("Content-Type", "application/hal+json").withBody(body);
    }
}
