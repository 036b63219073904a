package ai.openclaw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contracts and deploy commands, on the seed's manifest and UserCreatedEvent contract. */
class ContractCommandsTest {
    @TempDir
    Path ws;

    private Path catalog;
    private Path contracts;

    @BeforeEach
    void workspace() throws Exception {
        catalog = ws.resolve("services.yaml");
        Files.copy(CatalogCommandsTest.seed(), catalog);
        contracts = ws.resolve("contracts");
        Path schema = contracts.resolve("events/user.created/1.0.schema.json");
        Files.createDirectories(schema.getParent());
        Files.copy(
                Path.of(getClass()
                        .getResource("/contracts/events/user.created/1.0.schema.json")
                        .toURI()),
                schema);
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--catalog";
        all[args.length + 1] = catalog.toString();
        all[args.length + 2] = "--contracts";
        all[args.length + 3] = contracts.toString();
        return CliRun.of(all);
    }

    private Path write(String name, String text) throws IOException {
        Path file = ws.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static final String V1 = "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"userId\"],"
            + "\"properties\":{\"userId\":{\"type\":\"string\"}%s}%s}";

    @Test
    void diffAddingAnOptionalPropertyIsBackwardCompatible() throws IOException {
        Path v1 = write("v1.json", String.format(V1, "", ""));
        Path v2 = write("v2.json", String.format(V1, ",\"role\":{\"type\":\"string\"}", ""));
        CliRun run = CliRun.of("contracts", "diff", v1.toString(), v2.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("compatible  /properties/role: optional-property-added-to-closed-content-model (role)")
                .contains("compatible: BACKWARD yes")
                .endsWith("compatible in BACKWARD mode\n");
        assertThat(CliRun.of("contracts", "diff", v1.toString(), v2.toString(), "--mode", "full")
                        .exit())
                .isEqualTo(1);
    }

    @Test
    void diffAddingARequiredPropertyIsNot() throws Exception {
        Path v1 = write("v1.json", String.format(V1, "", ""));
        Path v2 = write(
                "v2.json",
                String.format(V1, ",\"role\":{\"type\":\"string\"}", "")
                        .replace("[\"userId\"]", "[\"userId\",\"role\"]"));
        CliRun run = CliRun.of("contracts", "diff", v1.toString(), v2.toString(), "--format", "json");
        assertThat(run.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("compatible").asBoolean()).isFalse();
        assertThat(json.at("/changes/0/kind").asText()).isEqualTo("required-property-added-to-closed-content-model");
        assertThat(json.at("/changes/0/path").asText()).isEqualTo("/properties/role");
        assertThat(json.at("/verdicts/BACKWARD").asBoolean()).isFalse();
    }

    @Test
    void diffRemovingAPropertyIsJudgedByTheContentModel() throws IOException {
        String open = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}%s}}";
        assertThat(CliRun.of(
                                "contracts",
                                "diff",
                                write("o1.json", String.format(open, ",\"b\":{}"))
                                        .toString(),
                                write("o2.json", String.format(open, "")).toString())
                        .exit())
                .as("removed from an open model")
                .isZero();
        CliRun closed = CliRun.of(
                "contracts",
                "diff",
                write("c1.json", String.format(V1, ",\"b\":{\"type\":\"string\"}", ""))
                        .toString(),
                write("c2.json", String.format(V1, "", "")).toString());
        assertThat(closed.exit()).as("removed from a closed model").isEqualTo(1);
        assertThat(closed.out()).contains("BREAKING    /properties/b: property-removed-from-closed-content-model");
    }

    @Test
    void diffReadsADraft07SchemaWithoutSchemaAsDraft07() throws IOException {
        // an items array is a tuple in draft-07; under 2020-12 it would not be a valid schema at all
        String tuple = "{\"type\":\"array\",\"items\":[{\"type\":\"string\"}%s],\"additionalItems\":false}";
        Path v1 = write("t1.json", String.format(tuple, ""));
        Path v2 = write("t2.json", String.format(tuple, ",{\"type\":\"number\"}"));
        CliRun run = CliRun.of("contracts", "diff", v1.toString(), v2.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("compatible  /items/1: item-added-to-closed-content-model");
    }

    @Test
    void diffOfMalformedFilesNamesFileAndLocation() throws IOException {
        Path good = write("good.json", "{\"type\":\"object\"}");
        Path bad = write("bad.json", "{\n  \"type\": \"objekt\"\n}\n");
        CliRun run = CliRun.of("contracts", "diff", good.toString(), bad.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains(bad + ":2:11: error: /type: not a valid JSON Schema")
                .doesNotContain("\tat ");
        Path broken = write("broken.yaml", "openapi: 3.0.0\npaths:\n  /x:\n\tget: {}\n");
        CliRun api = CliRun.of("contracts", "diff", broken.toString(), broken.toString());
        assertThat(api.exit()).isEqualTo(2);
        assertThat(api.err()).contains(broken + ":4:1: error:").contains("tab character");
        assertThat(CliRun.of(
                                "contracts",
                                "diff",
                                good.toString(),
                                ws.resolve("nope.json").toString())
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void diffOfTwoOpenApiDocuments() throws IOException {
        String doc = "openapi: 3.1.0\ninfo:\n  version: '1'\npaths:\n  /users:\n    get:\n      responses:\n"
                + "        '200':\n          description: ok\n";
        Path v1 = write(
                "a1.yaml",
                doc + "  /users/{id}:\n    get:\n      responses:\n        '200':\n" + "          description: ok\n");
        Path v2 = write("a2.yaml", doc);
        CliRun run = CliRun.of("contracts", "diff", v1.toString(), v2.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("breaking: /users/{id}: path-removed").contains("1 breaking of 1 changes");
        assertThat(CliRun.of("contracts", "diff", v2.toString(), v1.toString()).exit())
                .isZero();
    }

    @Test
    void validateAServiceRunsTheFourChecks() {
        CliRun run = run("contracts", "validate", "--service", "user-service");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("producer compliance: 2 errors, 0 warnings")
                .contains(catalog + ":4:3: error: services.user-service.communication: 'user-service' publishes"
                        + " 'user.deleted' but there is no contract for it")
                .contains("consumer compatibility: ok");
        CliRun billing = run("contracts", "validate", "--service", "billing-service");
        assertThat(billing.out()).contains("api adherence: 1 error");
        assertThat(run("contracts", "validate", "--service", "biling-service").exit())
                .isEqualTo(2);
    }

    @Test
    void evolveThenCheckThenPlan() throws IOException {
        CliRun evolve = run("contracts", "evolve", "--contract", "user.created", "--add-field", "role:string");
        assertThat(evolve.exit()).isZero();
        assertThat(evolve.out())
                .startsWith("user.created 1.0 -> 1.1 (compatible in BACKWARD mode: a new minor)")
                .contains("billing-service (team-payments): update to user.created 1.1");
        assertThat(Files.exists(contracts.resolve("events/user.created/1.1.schema.json")))
                .isTrue();

        CliRun check = CliRun.of("contracts", "check", "--contracts", contracts.toString());
        assertThat(check.exit()).isZero();
        assertThat(check.out()).contains("1 event types, 2 versions checked in BACKWARD mode");

        CliRun plan = run("deploy", "plan", "--changes", "user-service,billing-service");
        assertThat(plan.exit()).isZero();
        assertThat(plan.out())
                .contains("### Phase 1: Deploy contract changes\n- contracts (update the shared contracts of"
                        + " user.created 1.1")
                .contains("### Phase 2: Deploy consumers first\n- billing-service (")
                .contains("### Phase 3: Deploy producer\n- user-service (")
                .contains("- If Phase 2 fails: roll back billing-service; do not proceed to Phase 3");
        assertThat(plan.out().indexOf("billing-service ("))
                .isLessThan(plan.out().indexOf("- user-service ("));

        CliRun json = run("deploy", "plan", "--changes", "user-service,billing-service", "--format", "json");
        assertThat(json.out()).contains("\"title\" : \"Deploy consumers first\"");
        assertThat(run("deploy", "plan", "--changes", "user-servic").exit()).isEqualTo(2);
    }

    @Test
    void checkFailsForABrokenMinorAndEvolveRefusesNonsense() throws IOException {
        // 1.1 turns userId into a number: readers on 1.1 reject 1.0's events
        Path v10 = contracts.resolve("events/user.created/1.0.schema.json");
        Files.writeString(
                contracts.resolve("events/user.created/1.1.schema.json"),
                Files.readString(v10)
                        .replace("\"userId\": { \"type\": \"string\" }", "\"userId\": { \"type\": \"integer\" }"));
        CliRun check = CliRun.of("contracts", "check", "--contracts", contracts.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out())
                .contains(
                        "user.created 1.1 is not BACKWARD compatible with 1.0: /properties/userId/type: type-changed");
        CliRun bad = run("contracts", "evolve", "--contract", "user.created", "--add-field", "role");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--add-field takes NAME:TYPE");
        assertThat(run("contracts", "evolve", "--contract", "user.created").exit())
                .isEqualTo(2);
    }

    @Test
    void initScaffoldsWhatIsMissing() {
        CliRun init = CliRun.of("contracts", "init", "--catalog", catalog.toString(), "--output", contracts.toString());
        assertThat(init.exit()).isZero();
        assertThat(init.out())
                .contains("wrote " + contracts.resolve("events/user.deleted/1.0.schema.json"))
                .contains("wrote " + contracts.resolve("http/user-service.openapi.yaml"))
                .doesNotContain("user.created");
        assertThat(run("contracts", "validate", "--service", "user-service").exit())
                .isZero();
        assertThat(CliRun.of("contracts", "init", "--catalog", catalog.toString(), "--output", contracts.toString())
                        .out())
                .contains("already has a contract");
    }
}
