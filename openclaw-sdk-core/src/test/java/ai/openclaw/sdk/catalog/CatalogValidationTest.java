package ai.openclaw.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import ai.openclaw.sdk.SourceLocation;
import ai.openclaw.sdk.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and doubtful catalogs: each finding names its code, file, line, column and YAML path. */
class CatalogValidationTest {
    private static final String FILE = "services.yaml";

    private static Validation<ServiceCatalog> validate(String yaml) {
        return CatalogLoader.defaults().validate(FILE, yaml);
    }

    private static Finding only(Validation<ServiceCatalog> v) {
        assertThat(v.findings()).hasSize(1);
        return v.findings().get(0);
    }

    private static void assertAt(Finding f, Severity severity, String code, int line, int column, String path) {
        assertThat(f.severity()).as("severity of %s", f).isEqualTo(severity);
        assertThat(f.code()).as("code of %s", f).isEqualTo(code);
        assertThat(f.location()).as("location of %s", f).contains(new SourceLocation(FILE, line, column));
        assertThat(f.yamlPath()).as("path of %s", f).isEqualTo(path);
    }

    @Test
    void badIndentation() {
        Validation<ServiceCatalog> v = validate("services:\n  a:\n    owner: x\n   repo: y\n");
        Finding f = only(v);
        assertAt(f, Severity.ERROR, "yaml-syntax", 4, 4, "");
        assertThat(v.result()).isEmpty();
    }

    @Test
    void aTabCharacter() {
        Finding f = only(validate("services:\n  a:\n\towner: x\n"));
        assertAt(f, Severity.ERROR, "yaml-syntax", 3, 1, "");
        assertThat(f.message()).contains("tab character");
    }

    @Test
    void anEmptyFile() {
        assertAt(only(validate("")), Severity.ERROR, "empty-file", 1, 1, "");
        assertAt(only(validate("# only a comment\n")), Severity.ERROR, "empty-file", 1, 1, "");
    }

    @Test
    void aServiceWithoutOwner() {
        Validation<ServiceCatalog> v = validate("services:\n  a:\n    repo: org/a\n");
        Finding f = only(v);
        assertAt(f, Severity.ERROR, "missing-key", 2, 3, "services.a");
        assertThat(f.message()).isEqualTo("service 'a' has no owner; every service needs one");
    }

    @Test
    void anEndpointWithAMisspeltMethod() {
        Finding f = only(validate("services:\n  a:\n    owner: t\n    endpoints:\n      - GETT /x\n"));
        assertAt(f, Severity.ERROR, "invalid-endpoint", 5, 9, "services.a.endpoints[0]");
        assertThat(f.message()).startsWith("unknown HTTP method 'GETT'");
    }

    @Test
    void endpointsThatAreNotMethodAndPath() {
        Validation<ServiceCatalog> v = validate(
                "services:\n  a:\n    owner: t\n    endpoints:\n      - /users\n      - get /x\n      - GET users\n");
        assertThat(v.findings())
                .extracting(Finding::yamlPath, Finding::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "services.a.endpoints[0]",
                                "endpoint '/users' is not of the form 'METHOD /path', for example 'GET /users/{id}'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "services.a.endpoints[1]", "unknown HTTP method 'get' (methods are upper case: 'GET')"),
                        org.assertj.core.groups.Tuple.tuple(
                                "services.a.endpoints[2]", "path 'users' must start with '/'"));
    }

    @Test
    void aListWhereAMapBelongs() {
        Finding f = only(validate("services:\n  - name: a\n    owner: t\n"));
        assertAt(f, Severity.ERROR, "wrong-type", 2, 3, "services");
        assertThat(f.message()).isEqualTo("expected a mapping from service name to its definition, found a sequence");

        Finding g = only(validate("services:\n  a:\n    owner: t\n    dependencies: b\n"));
        assertAt(g, Severity.ERROR, "wrong-type", 4, 19, "services.a.dependencies");
    }

    @Test
    void aRootThatIsNotACatalog() {
        assertAt(only(validate("- a\n- b\n")), Severity.ERROR, "wrong-type", 1, 1, "");
        Validation<ServiceCatalog> v = validate("servces:\n  a:\n    owner: t\n");
        assertThat(v.findings())
                .extracting(Finding::severity, Finding::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "unknown-key"),
                        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "missing-key"));
        assertThat(v.findings().get(0).message()).contains("did you mean 'services'?");
    }

    @Test
    void unknownKeysAreWarningsWithASuggestion() {
        Validation<ServiceCatalog> v =
                validate("services:\n  a:\n    owner: t\n    dependancies: [b]\n    x-team-slack: '#a'\n");
        Finding f = only(v);
        assertAt(f, Severity.WARNING, "unknown-key", 4, 5, "services.a.dependancies");
        assertThat(f.message()).isEqualTo("unknown key 'dependancies' (did you mean 'dependencies'?)");
        assertThat(v.result()).isPresent();
    }

    @Test
    void aServiceDeclaredTwiceInOneFile() {
        Validation<ServiceCatalog> v = validate("services:\n  a:\n    owner: t\n  a:\n    owner: u\n");
        Finding f = only(v);
        assertAt(f, Severity.ERROR, "duplicate-service", 4, 3, "services.a");
        assertThat(f.message()).contains("services.yaml:2:3").contains("services.yaml:4:3");
    }

    @Test
    void aServiceDeclaredInTwoFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "services:\n  user-service:\n    owner: t\n");
        Files.writeString(dir.resolve("b.yml"), "services:\n  other:\n    owner: t\n  user-service:\n    owner: u\n");
        Files.writeString(dir.resolve("notes.txt"), "not a catalog");
        Validation<ServiceCatalog> v = CatalogLoader.defaults().validate(dir);
        assertThat(v.files()).containsExactly(dir.resolve("a.yaml"), dir.resolve("b.yml"));
        Finding f = only(v);
        assertThat(f.code()).isEqualTo("duplicate-service");
        assertThat(f.message())
                .isEqualTo("service 'user-service' is declared twice: at " + dir.resolve("a.yaml") + ":2:3 and at "
                        + dir.resolve("b.yml") + ":4:3");
    }

    @Test
    void filesOfADirectoryMergeIntoOneCatalog(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("user-service.yaml"),
                "services:\n  user-service:\n    owner: team-identity\n    communication:\n"
                        + "      - type: events\n        publishes: [user.created]\n");
        Files.writeString(
                dir.resolve("billing-service.yaml"),
                "services:\n  billing-service:\n    owner: team-payments\n    communication:\n"
                        + "      - type: events\n        subscribes: [user.created]\n");
        ServiceCatalog catalog = ServiceCatalog.load(dir);
        assertThat(catalog.transitiveDependentsOf("user-service")).containsExactly("billing-service");
        assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Finding f = only(CatalogLoader.defaults().validate(dir.resolve("nope.yaml")));
        assertThat(f.code()).isEqualTo("unreadable-file");
        assertThat(f.message()).startsWith(dir.resolve("nope.yaml") + ": no such file");
    }

    @Test
    void anEventNobodyPublishes() {
        Finding f = only(validate("services:\n  a:\n    owner: t\n    communication:\n"
                + "      - type: events\n        subscribes:\n          - order.placed\n"));
        assertAt(f, Severity.WARNING, "unpublished-event", 7, 13, "services.a.communication[0].subscribes[0]");
        assertThat(f.message())
                .isEqualTo("'a' subscribes to 'order.placed' but no service in the catalog publishes it");
    }

    @Test
    void anHttpTargetNobodyDeclares() {
        Finding f = only(validate(
                "services:\n  a:\n    owner: t\n    communication:\n      - type: http\n        target: ghost\n"));
        assertAt(f, Severity.WARNING, "unknown-service", 6, 17, "services.a.communication[0].target");
    }

    @Test
    void dependencyCyclesAreReportedWithTheirPath() {
        String yaml = "services:\n"
                + "  a:\n    owner: t\n    dependencies: [b]\n"
                + "  b:\n    owner: t\n    communication:\n      - type: http\n        target: c\n"
                + "  c:\n    owner: t\n    dependencies: [a]\n";
        Finding f = only(validate(yaml));
        assertAt(f, Severity.WARNING, "dependency-cycle", 4, 20, "services.a.dependencies[0]");
        assertThat(f.message()).isEqualTo("dependency cycle: a -> b -> c -> a");

        Validation<ServiceCatalog> strict =
                CatalogLoader.builder().strict(true).build().validate(FILE, yaml);
        assertThat(strict.errors()).extracting(Finding::code).containsExactly("dependency-cycle");
    }

    @Test
    void aServiceWithAnErrorIsStillDeclared() {
        // b has no owner: one error at b, and no "not declared" for the references to it
        Validation<ServiceCatalog> v = validate("services:\n"
                + "  a:\n    owner: t\n    dependencies: [b]\n    communication:\n      - type: http\n        target: b\n"
                + "  b:\n    repo: org/b\n");
        Finding f = only(v);
        assertAt(f, Severity.ERROR, "missing-key", 8, 3, "services.b");
    }

    @Test
    void strictMakesEveryWarningAnError() {
        String yaml = "services:\n"
                + "  a:\n    owner: t\n    dependencies: [a]\n    communication:\n      - type: grpc\n"
                + "  b:\n    owner: t\n    colour: blue\n";
        Validation<ServiceCatalog> lenient = validate(yaml);
        assertThat(lenient.errors()).isEmpty();
        assertThat(lenient.warnings()).extracting(Finding::code).contains("self-dependency", "unknown-key");
        assertThat(lenient.result()).isPresent();

        Validation<ServiceCatalog> strict =
                CatalogLoader.builder().strict(true).build().validate(FILE, yaml);
        assertThat(strict.warnings()).isEmpty();
        assertThat(strict.errors())
                .extracting(Finding::code)
                .containsExactlyInAnyOrderElementsOf(
                        lenient.warnings().stream().map(Finding::code).toList());
        assertThat(strict.result()).isEmpty();
    }

    @Test
    void eventsDoNotMakeCallCycles() {
        // user-service calls billing-service; billing-service consumes user-service's events: no call cycle.
        assertThat(ServiceCatalog.load(SeedCatalogTest.seed()).warnings())
                .extracting(Finding::code)
                .doesNotContain("dependency-cycle");
    }

    @Test
    void extensionsAreReadAndChecked() {
        Validation<ServiceCatalog> ok =
                validate("services:\n  a:\n    owner: t\n    lifecycle: production\n    tier: 1\n"
                        + "    resilience: standard\n    instances:\n      - http://127.0.0.1:8080\n"
                        + "      - https://a.internal\n");
        ServiceDefinition a = ok.resultOrThrow().service("a");
        assertThat(a.lifecycle()).contains(Lifecycle.PRODUCTION);
        assertThat(a.tier()).contains(1);
        assertThat(a.resiliencePolicy()).contains("standard");
        assertThat(a.instances()).hasSize(2);

        Validation<ServiceCatalog> bad = validate("services:\n  a:\n    owner: t\n    lifecycle: ancient\n    tier: 0\n"
                + "    instances:\n      - ftp://x\n      - http://user:secret@x\n");
        assertThat(bad.findings())
                .extracting(Finding::yamlPath)
                .containsExactly(
                        "services.a.instances[0]",
                        "services.a.instances[1]",
                        "services.a.lifecycle",
                        "services.a.tier");
        assertThat(bad.findings()).noneMatch(f -> f.message().contains("secret"));
    }

    @Test
    void manyProblemsAreAllReportedInOnePass() {
        Validation<ServiceCatalog> v =
                validate("services:\n  a:\n    endpoints: [GETT /x]\n  b:\n    owner: t\n    bogus: 1\n");
        assertThat(v.findings())
                .extracting(Finding::code)
                .containsExactly("missing-key", "invalid-endpoint", "unknown-key");
    }
}
