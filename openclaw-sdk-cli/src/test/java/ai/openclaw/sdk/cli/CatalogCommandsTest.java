package ai.openclaw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The catalog commands on the seed's manifest, as the foundation issue's acceptance lines state them. */
class CatalogCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = seed().toString();

    static Path seed() {
        try {
            return Path.of(CatalogCommandsTest.class
                    .getResource("/catalog/seed-services.yaml")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--catalog";
        all[args.length + 1] = SEED;
        return CliRun.of(all);
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.err()).isEmpty();
        return JSON.readTree(run.out());
    }

    @Test
    void dependentsOfTheUserServiceNameBillingService() throws Exception {
        CliRun run = run("catalog", "dependents", "user-service");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("billing-service          (events: user.created, user.deleted)\n");

        JsonNode json = json(run("catalog", "dependents", "user-service", "--format", "json"));
        assertThat(json.get("service").asText()).isEqualTo("user-service");
        assertThat(json.get("dependents").get(0).get("service").asText()).isEqualTo("billing-service");
        assertThat(json.get("dependents").get(0).get("kinds").get(0).asText()).isEqualTo("events");

        assertThat(run("catalog", "dependents", "payment-gateway", "--transitive")
                        .out())
                .isEqualTo("billing-service\nuser-service\n");
    }

    @Test
    void ownerOfTheBillingService() throws Exception {
        CliRun run = run("catalog", "owner", "billing-service");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("team-payments\n");
        assertThat(json(run("catalog", "owner", "billing-service", "--format", "json"))
                        .get("owner")
                        .asText())
                .isEqualTo("team-payments");

        CliRun undeclared = run("catalog", "owner", "payment-gateway");
        assertThat(undeclared.exit()).isEqualTo(1);
        assertThat(undeclared.out()).isEmpty();
        assertThat(undeclared.err()).contains("referenced in the catalog but not declared");
    }

    @Test
    void publishersAndSubscribersOfUserCreated() throws Exception {
        CliRun run = run("catalog", "event", "user.created");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("user.created\n  publishers:  user-service\n  subscribers: billing-service\n");
        JsonNode json = json(run("catalog", "event", "user.created", "--format", "json"));
        assertThat(json.get("publishers").toString()).isEqualTo("[\"user-service\"]");
        assertThat(json.get("subscribers").toString()).isEqualTo("[\"billing-service\"]");
    }

    @Test
    void flowOfUserDeletedShowsBillingReacting() throws Exception {
        CliRun run = run("catalog", "flow", "user.deleted");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("user.deleted (published by user-service)\n  -> billing-service reacts\n");
        JsonNode json = json(run("catalog", "flow", "user.deleted", "--format", "json"));
        assertThat(json.get("reactions").get(0).get("service").asText()).isEqualTo("billing-service");
    }

    @Test
    void validateWarnsAboutUndeclaredServicesAndStrictFails() throws Exception {
        CliRun lenient = run("catalog", "validate");
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.out())
                .contains(SEED + ":14:9: warning: services.user-service.dependencies[0]: 'notification-service'")
                .contains(SEED + ":33:9: warning: services.billing-service.dependencies[0]: 'payment-gateway'")
                .endsWith("valid: 2 services in " + SEED + ", 0 errors, 2 warnings\n");

        CliRun strict = run("catalog", "validate", "--strict");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).contains(":14:9: error:").contains(":33:9: error:");

        JsonNode json = json(run("catalog", "validate", "--format", "json"));
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("warnings").asInt()).isEqualTo(2);
        JsonNode first = json.get("findings").get(0);
        assertThat(first.get("severity").asText()).isEqualTo("warning");
        assertThat(first.get("code").asText()).isEqualTo("unknown-service");
        assertThat(first.get("line").asInt()).isEqualTo(14);
        assertThat(first.get("column").asInt()).isEqualTo(9);
        assertThat(first.get("path").asText()).isEqualTo("services.user-service.dependencies[0]");
    }

    @Test
    void impactShowsOwnersAndPaths() {
        CliRun run = run("catalog", "impact", "payment-gateway");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("a change to payment-gateway affects 2 services:")
                .contains(
                        "user-service             team-identity      via payment-gateway -> billing-service -> user-service");
    }

    @Test
    void showAndTeamAndDependencies() {
        assertThat(run("catalog", "show", "user-service").out())
                .contains("  owner:        team-identity\n")
                .contains("  dependencies: notification-service (not declared), billing-service\n")
                .contains("                GET /users/{id}\n");
        assertThat(run("catalog", "team", "team-payments").out())
                .isEqualTo("billing-service          Subscription management, invoicing, and payment processing\n");
        assertThat(run("catalog", "dependencies", "billing-service").out())
                .isEqualTo("payment-gateway          (declared) [not declared in the catalog]\n"
                        + "user-service             (events: user.created, user.deleted)\n");
    }

    @Test
    void unknownNamesAreUsageErrorsWithSuggestions() {
        CliRun service = run("catalog", "impact", "biling-service");
        assertThat(service.exit()).isEqualTo(2);
        assertThat(service.err())
                .isEqualTo("openclaw: no service 'biling-service' in the catalog (did you mean 'billing-service'?)\n");
        assertThat(run("catalog", "team", "team-payment").err()).contains("did you mean 'team-payments'?");
        assertThat(run("catalog", "event", "user.create").err()).contains("did you mean 'user.created'?");
    }

    @Test
    void badUsageExitsTwoWithoutAStackTrace() {
        CliRun run = CliRun.of("catalog", "dependents");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'SERVICE'").doesNotContain("\tat ");
        CliRun unknown = CliRun.of("catalog", "dependants", "x");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Did you mean: catalog dependents");
        assertThat(CliRun.of("catalog", "validate", "--format", "xml").exit()).isEqualTo(2);
    }
}
