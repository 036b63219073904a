package ai.openclaw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken manifests: each gives an error with line and column, and exit 1 (or 2 when nothing can be read). */
class BrokenCatalogTest {
    @TempDir
    Path dir;

    private CliRun validate(String yaml) throws IOException {
        Path file = dir.resolve("services.yaml");
        Files.writeString(file, yaml.replace("\\n", "\n").replace("\\t", "\t"));
        return CliRun.of("catalog", "validate", "--catalog", file.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad indentation | services:\\n  a:\\n    owner: x\\n   repo: y\\n | :4:4: error: ",
                "service without owner | services:\\n  a:\\n    repo: org/a\\n | :2:3: error: services.a: service 'a' has no owner",
                "endpoint GETT /x | services:\\n  a:\\n    owner: t\\n    endpoints:\\n      - GETT /x\\n"
                        + " | :5:9: error: services.a.endpoints[0]: unknown HTTP method 'GETT'",
                "tab character | services:\\n\\ta:\\n    owner: t\\n | :2:1: error: a tab character indents this line",
                "empty file | '' | :1:1: error: the file holds no catalog",
                "list where a map belongs | services:\\n  - a\\n  - b\\n"
                        + " | :2:3: error: services: expected a mapping from service name to its definition, found a sequence",
            })
    void eachBrokenManifestNamesLineAndColumn(String name, String yaml, String expected) throws IOException {
        CliRun run = validate(yaml);
        assertThat(run.exit()).as(name).isEqualTo(1);
        assertThat(run.out()).as(name).contains(dir.resolve("services.yaml") + expected);
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void queriesOnABrokenCatalogPrintItsErrorsAndExitOne() throws IOException {
        Path file = dir.resolve("services.yaml");
        Files.writeString(file, "services:\n  a:\n    repo: x\n");
        CliRun run = CliRun.of("catalog", "dependents", "a", "--catalog", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .as("one line")
                .isEqualTo("openclaw: the catalog has 1 error, the first: " + file
                        + ":2:3: error: services.a: service 'a' has no owner; every service needs one;"
                        + " run 'openclaw catalog validate' for every finding\n");
    }

    @Test
    void aMissingCatalogIsAUsageError() {
        CliRun run = CliRun.of(
                "catalog", "validate", "--catalog", dir.resolve("nope.yaml").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("openclaw: " + dir.resolve("nope.yaml") + ": no such file");

        CliRun query = CliRun.of(
                "catalog", "owner", "a", "--catalog", dir.resolve("nope.yaml").toString());
        assertThat(query.exit()).isEqualTo(2);
        assertThat(query.err())
                .as("one line")
                .isEqualTo("openclaw: cannot read the catalog: " + dir.resolve("nope.yaml")
                        + ": no such file (looked at "
                        + dir.resolve("nope.yaml").toAbsolutePath().normalize()
                        + "); give its place with --catalog PATH\n");
    }

    @Test
    void strictFailsOnEveryWarning() throws IOException {
        CliRun selfDependent = validate("services:\n  a:\n    owner: t\n    dependencies: [a]\n");
        assertThat(selfDependent.exit()).as("lenient").isZero();
        Path file = dir.resolve("services.yaml");
        CliRun strict = CliRun.of("catalog", "validate", "--strict", "--catalog", file.toString());
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).contains(":4:20: error: services.a.dependencies[0]: service 'a' lists itself");

        validate("services:\n  a:\n    owner: t\n    communication:\n      - type: grpc\n");
        CliRun unknownType = CliRun.of("catalog", "validate", "--strict", "--catalog", file.toString());
        assertThat(unknownType.exit()).isEqualTo(1);
        assertThat(unknownType.out())
                .contains(":5:15: error: services.a.communication[0].type: communication type 'grpc'");
    }
}
