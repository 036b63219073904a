package ai.openclaw.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.EventContract;
import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code generated for the samples compiles (with javac, against the SDK), and its event records read and write back
 * every example of the samples' event contracts unchanged.
 */
class GeneratedCodeTest {
    private static final Path SAMPLES = Path.of("../samples");
    private static final ServiceCatalog CATALOG = ServiceCatalog.load(SAMPLES.resolve(".openclaw/services.yaml"));
    private static final ContractRegistry CONTRACTS = ContractRegistry.load(SAMPLES.resolve("contracts"));
    private static final ObjectMapper JSON = JsonMappers.standard();

    private final JavaCodeGenerator generator = JavaCodeGenerator.builder(CATALOG, CONTRACTS)
            .packageName("com.example.generated")
            .build();

    /** Compiles the sources; the classes' directory. */
    private static Path compile(GeneratedSources sources, Path dir) throws Exception {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<Path> files = sources.writeTo(src);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    classes.toString(),
                    "--release",
                    "17",
                    "-Xlint:all",
                    "-Werror");
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
                    .call();
            List<String> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                problems.add(d.getKind() + " " + d.getSource().getName() + ":" + d.getLineNumber() + ": "
                        + d.getMessage(Locale.ROOT));
            }
            assertThat(problems).as("javac's diagnostics").isEmpty();
            assertThat(ok).isTrue();
        }
        return classes;
    }

    @Test
    void everySamplesServicesCodeCompilesWithoutAWarning(@TempDir Path dir) throws Exception {
        List<SourceFile> all = new ArrayList<>();
        for (String service : List.of("user-service", "billing-service", "notification-service")) {
            all.addAll(generator.forService(service).files());
        }
        GeneratedSources sources = new GeneratedSources(all);
        assertThat(sources.files())
                .extracting(SourceFile::qualifiedName)
                .contains(
                        "com.example.generated.events.UserCreated",
                        "com.example.generated.events.UserCreatedHandler",
                        "com.example.generated.events.SubscriptionStatusRetrieved",
                        "com.example.generated.clients.userservice.UserServiceClient",
                        "com.example.generated.clients.userservice.User",
                        "com.example.generated.clients.userservice.NewUser");
        compile(sources, dir);
    }

    @Test
    void eventRecordsRoundTripEveryExampleOfTheSamplesContracts(@TempDir Path dir) throws Exception {
        List<SourceFile> records = new ArrayList<>();
        for (String type : CONTRACTS.eventTypes()) {
            records.addAll(generator.eventPayload(type).files());
        }
        Path classes = compile(new GeneratedSources(records), dir);
        int examples = 0;
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            for (String type : CONTRACTS.eventTypes()) {
                EventContract contract = CONTRACTS.latestEventContract(type).orElseThrow();
                Class<?> record = loader.loadClass("com.example.generated.events." + JavaCodeGeneratorNames.of(type));
                assertThat(record.getField("EVENT_TYPE").get(null)).isEqualTo(type);
                for (JsonNode example : contract.schema().path("examples")) {
                    Object value = JSON.treeToValue(example, record);
                    JsonNode back = JSON.valueToTree(value);
                    assertThat(back).as(type + " example " + example).isEqualTo(example);
                    assertThat(contract.validate(back)).isEmpty();
                    examples++;
                }
            }
        }
        assertThat(examples).as("the samples' contracts hold examples").isGreaterThanOrEqualTo(5);
    }

    @Test
    void theGeneratedTypesSayWhatTheSchemaSays() {
        String status = generator
                .eventPayload("subscription.status_retrieved")
                .files()
                .get(0)
                .content();
        assertThat(status)
                .startsWith(
                        "// Generated by OpenClaw from the contract urn:openclaw:event:subscription.status_retrieved:1.0")
                .contains("package com.example.generated.events;")
                .contains("public record SubscriptionStatusRetrieved(")
                .contains("@JsonProperty(\"userId\") String userId")
                .contains("@JsonProperty(\"status\") Status status")
                .contains("@JsonProperty(\"trialEndsAt\") @Nullable Instant trialEndsAt")
                .contains("public enum Status {")
                .contains("@JsonProperty(\"trialing\")\n        TRIALING")
                .contains("public static final String CONTRACT_VERSION = \"1.0\";");
        String client = generator.serviceClient("user-service").files().stream()
                .filter(f -> f.className().equals("UserServiceClient"))
                .findFirst()
                .orElseThrow()
                .content();
        assertThat(client)
                .contains("@Http.Get(\"/users/{id}\")\n    User getUser(@Http.Path(\"id\") String id);")
                .contains("@Http.Post(\"/users\")\n    User createUser(@Http.Body NewUser body);")
                .contains("@Http.Delete(\"/users/{id}\")\n    void deleteUser(@Http.Path(\"id\") String id);");
    }

    @Test
    void whatCannotBeGeneratedIsNamed() {
        assertThatThrownBy(() -> generator.eventHandler("billing-service", "user.updated"))
                .isInstanceOf(CodegenException.class)
                .hasMessage("'billing-service' does not subscribe to 'user.updated' in the catalog; it subscribes to"
                        + " subscription.inquiry_received, user.created, user.deleted; did you mean 'user.created'?");
        assertThatThrownBy(() -> generator.forService("biling-service"))
                .hasMessage("the catalog has no service 'biling-service'; did you mean 'billing-service'?");
        assertThatThrownBy(() -> generator.serviceClient("notification-service"))
                .hasMessageStartingWith("there is no HTTP contract of 'notification-service'");
        assertThatThrownBy(() -> JavaCodeGenerator.builder(CATALOG, CONTRACTS).packageName("Com.Example"))
                .hasMessageContaining("not a Java package name");
    }

    /** The class name of an event type, as the generator makes it. */
    static final class JavaCodeGeneratorNames {
        static String of(String eventType) {
            return ai.openclaw.sdk.internal.codegen.JavaTypes.pascal(eventType);
        }
    }
}
