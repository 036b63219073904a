package ai.openclaw.sdk.testing.pact;

import static ai.openclaw.sdk.testing.pact.PactMatchers.like;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.discovery.InstanceSource;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/**
 * Consumer test classes as users write them, run by the JUnit engine inside these tests: what passes, what fails and
 * why, and what lands in the pact files.
 */
class PactConsumerExtensionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    final PactDirectory directory = new PactDirectory();

    private Path pacts;

    @BeforeEach
    void pactDir() {
        pacts = directory.path();
    }

    static String get(URI base, String path) throws Exception {
        HttpResponse<String> r =
                HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    static ConsumerPact users(boolean withSecondInteraction) {
        ConsumerPact.Builder b = ConsumerPact.between("billing-service", "user-service")
                .given("user u-1 exists")
                .uponReceiving(
                        "a request for user u-1",
                        PactRequest.get("/users/u-1"),
                        PactResponse.status(200).body(Map.of("id", like("u-1"))));
        if (withSecondInteraction) {
            b.uponReceiving("a request for user u-2", PactRequest.get("/users/u-2"), PactResponse.status(404));
        }
        return b.build();
    }

    @PactConsumerTest
    static class Passing {
        static final List<String> SEEN = new ArrayList<>();

        @Pact
        static ConsumerPact userExists() {
            return users(false);
        }

        @Test
        void byUri(URI users) throws Exception {
            SEEN.add(get(users, "/users/u-1"));
        }

        @Test
        void byDiscoveryDefaults() {
            // a client built as production code builds it, with no reference to the mock
            try (ServiceClients clients =
                    ServiceClients.builder(ServiceDiscovery.builder().build()).build()) {
                JsonNode user = clients.client("user-service").get("/users/u-1").send(JsonNode.class);
                SEEN.add("discovery " + user.get("id").asText());
            }
        }

        @Test
        void byMockAndSource(MockProvider mock, InstanceSource source, ConsumerPact pact) throws Exception {
            SEEN.add(pact.provider() + " " + source.instances("user-service").size() + " "
                    + get(mock.baseUrl(), "/users/u-1"));
        }
    }

    @Test
    void aPassingClassWritesItsPactAfterTheLastTest() {
        Passing.SEEN.clear();
        Events tests = run(Passing.class);

        tests.assertStatistics(s -> s.succeeded(3).failed(0));
        assertThat(Passing.SEEN)
                .containsExactlyInAnyOrder(
                        "200 {\"id\":\"u-1\"}", "discovery u-1", "user-service 1 200 {\"id\":\"u-1\"}");
        JsonNode pact = read("billing-service-user-service.json");
        assertThat(pact.path("interactions")).hasSize(1);
        assertThat(pact.path("interactions").get(0).path("description").asText())
                .isEqualTo("a request for user u-1");
        assertThat(System.getProperty("openclaw.service.user-service.url"))
                .as("the discovery property is restored")
                .isNull();
    }

    @PactConsumerTest
    static class LeavesAnInteraction {
        @Pact
        ConsumerPact users() {
            return PactConsumerExtensionTest.users(true);
        }

        @Test
        void onlyAsksForU1(URI users) throws Exception {
            get(users, "/users/u-1");
        }
    }

    @Test
    void aTestThatLeavesAnInteractionUnexercisedFailsNamingIt() {
        Events tests = run(LeavesAnInteraction.class);

        tests.assertStatistics(s -> s.succeeded(0).failed(1));
        assertThat(failure(tests))
                .contains("user-service: interaction not exercised: a request for user u-2")
                .doesNotContain("u-1");
        assertThat(pacts.resolve("billing-service-user-service.json")).doesNotExist();
    }

    @PactConsumerTest
    static class SendsAnUnexpectedRequest {
        @Pact
        static ConsumerPact users() {
            return PactConsumerExtensionTest.users(false);
        }

        @Test
        void asksForMore(URI users) throws Exception {
            get(users, "/users/u-1");
            get(users, "/users/u-9?expand=true");
        }
    }

    @Test
    void aTestThatSendsAnUnexpectedRequestFailsNamingIt() {
        Events tests = run(SendsAnUnexpectedRequest.class);

        tests.assertStatistics(s -> s.failed(1));
        assertThat(failure(tests)).contains("user-service: unexpected request: GET /users/u-9?expand=true");
    }

    @PactConsumerTest
    static class FailsOnItsOwn {
        @Pact
        static ConsumerPact users() {
            return PactConsumerExtensionTest.users(false);
        }

        @Test
        void breaks(URI users) throws Exception {
            get(users, "/users/u-1");
            throw new AssertionError("the consumer's own assertion");
        }
    }

    @Test
    void aTestThatFailsOnItsOwnKeepsItsFailureAndWritesNothing() {
        Events tests = run(FailsOnItsOwn.class);

        tests.assertStatistics(s -> s.failed(1));
        assertThat(failure(tests)).isEqualTo("the consumer's own assertion");
        assertThat(pacts.resolve("billing-service-user-service.json")).doesNotExist();
    }

    @PactConsumerTest
    @PactTestFor("users")
    static class TwoProviders {
        @Pact
        static ConsumerPact users() {
            return PactConsumerExtensionTest.users(false);
        }

        @Pact
        static ConsumerPact plans() {
            return ConsumerPact.between("billing-service", "plan-service")
                    .uponReceiving(
                            "a request for the trial plan",
                            PactRequest.get("/plans/trial"),
                            PactResponse.status(200).body(Map.of("days", like(14))))
                    .build();
        }

        @Test
        @PactTestFor({"users", "plans"})
        void both(@ForProvider("user-service") URI users, @ForProvider("plan-service") MockProvider plans)
                throws Exception {
            assertThat(get(users, "/users/u-1")).startsWith("200");
            assertThat(get(plans.baseUrl(), "/plans/trial")).isEqualTo("200 {\"days\":14}");
        }

        @Test
        void classDefault(URI users) throws Exception {
            assertThat(get(users, "/users/u-1")).startsWith("200");
        }

        @Test
        @PactTestFor({"users", "plans"})
        void ambiguous(URI which) {}

        @Test
        @PactTestFor("nosuch")
        void unknown() {}
    }

    @Test
    void severalProvidersArePickedByForProviderAndMistakesAreNamed() {
        Events tests = run(TwoProviders.class);

        tests.assertStatistics(s -> s.succeeded(2).failed(2));
        assertThat(failures(tests))
                .anySatisfy(m -> assertThat(m)
                        .contains("the test runs mocks of [user-service, plan-service]")
                        .contains("@ForProvider"))
                .anySatisfy(m ->
                        assertThat(m).contains("@PactTestFor names 'nosuch'").contains("[plans, users]"));
        assertThat(read("billing-service-plan-service.json").path("interactions"))
                .hasSize(1);
        assertThat(read("billing-service-user-service.json").path("interactions"))
                .hasSize(1);
    }

    @PactConsumerTest
    static class NoPactNamed {
        @Pact
        static ConsumerPact a() {
            return users(false);
        }

        @Pact
        static ConsumerPact b() {
            return users(false);
        }

        @Test
        void which() {}
    }

    @Test
    void twoPactMethodsAndNoPactTestForIsAConfigurationError() {
        Events tests = run(NoPactNamed.class);

        tests.assertStatistics(s -> s.failed(1));
        assertThat(failure(tests)).contains("name its pacts with @PactTestFor").contains("[a, b]");
    }

    @PactConsumerTest
    static class Outer {
        static final List<String> SEEN = new ArrayList<>();

        @Pact
        ConsumerPact users() {
            return PactConsumerExtensionTest.users(false);
        }

        @org.junit.jupiter.api.Nested
        class Inner {
            @Test
            void usesTheEnclosingClassesPact(URI users) throws Exception {
                SEEN.add(get(users, "/users/u-1"));
            }
        }
    }

    @Test
    void aNestedClassUsesThePactsOfTheClassesEnclosingIt() {
        Outer.SEEN.clear();
        Events tests = run(Outer.class);

        tests.assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(Outer.SEEN).containsExactly("200 {\"id\":\"u-1\"}");
        assertThat(read("billing-service-user-service.json").path("interactions"))
                .hasSize(1);
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    private static List<String> failures(Events tests) {
        return tests.failed().stream().map(PactConsumerExtensionTest::message).toList();
    }

    private static String failure(Events tests) {
        List<String> all = failures(tests);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static String message(Event e) {
        assertThat(e.getType()).isEqualTo(EventType.FINISHED);
        return e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .orElse("");
    }

    private JsonNode read(String file) {
        try {
            return JSON.readTree(Files.readString(pacts.resolve(file)));
        } catch (java.io.IOException e) {
            throw new AssertionError("no pact file " + file + " in " + pacts + ": " + e, e);
        }
    }
}
