package ai.openclaw.samples.demo;

import ai.openclaw.sdk.Validation;
import ai.openclaw.sdk.catalog.CatalogLoader;
import ai.openclaw.sdk.catalog.Dependency;
import ai.openclaw.sdk.catalog.EventFlow;
import ai.openclaw.sdk.catalog.ImpactedService;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.discovery.InstanceSource;
import ai.openclaw.sdk.discovery.SelectedInstance;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A tour of the samples' system through the SDK: the catalog answers the seed's questions, then discovery steers
 * real HTTP calls between two user-service instances and around one that stops. Nothing to install: the instances run
 * on the JDK's HTTP server on loopback.
 *
 * <pre>{@code
 * ./mvnw -q -Pdemo -pl samples/demo -am verify -DskipTests
 * }</pre>
 */
public final class Demo {
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    Demo(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the tour.
     *
     * @param args the samples directory (holding {@code .openclaw/services.yaml}); default {@code samples}
     */
    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "samples");
        new Demo(System.out).run(samples);
    }

    void run(Path samples) throws IOException, InterruptedException {
        Path catalogFile = samples.resolve(".openclaw").resolve("services.yaml").normalize();
        Validation<ServiceCatalog> validation =
                CatalogLoader.builder().strict(true).build().validate(catalogFile);
        validation.findings().forEach(f -> out.println("  " + f));
        ServiceCatalog catalog = validation.resultOrThrow();
        section("The catalog: " + catalogFile);
        out.println("  " + catalog.services().size() + " services, owned by "
                + catalog.teams().size() + " teams; valid in strict mode, "
                + catalog.warnings().size() + " warnings");

        section("Which services depend on the user service?");
        for (Dependency d : catalog.dependentsOf("user-service")) {
            out.println("  " + d.from() + " " + d.kinds() + (d.events().isEmpty() ? "" : " " + d.events()));
        }
        section("What happens when a user is deleted?");
        EventFlow flow = catalog.eventFlow("user.deleted");
        out.println("  user.deleted is published by " + flow.publishers());
        flow.reactions().forEach(r -> out.println("  -> " + r.service() + " reacts"));
        section("Which team owns the billing service?");
        out.println("  " + catalog.ownerOf("billing-service").orElseThrow());
        section("What events does the notification service subscribe to?");
        out.println("  " + catalog.service("notification-service").subscribes());
        section("Who is affected by a change to the payment gateway?");
        for (ImpactedService s : catalog.impactOf("payment-gateway")) {
            out.println("  " + s.name() + " (" + s.owner().orElse("?") + ") via " + String.join(" -> ", s.path()));
        }

        section("Discovery: two user-service instances on loopback");
        try (StubInstance a = new StubInstance(catalog, "user-service");
                StubInstance b = new StubInstance(catalog, "user-service")) {
            ServiceDiscovery discovery = ServiceDiscovery.builder()
                    .addSource(InstanceSource.of(Map.of("user-service", List.of(a.baseUrl(), b.baseUrl()))))
                    .catalog(catalog)
                    .failuresToEject(1)
                    .ejectionDuration(Duration.ofSeconds(30))
                    .build();
            for (int i = 0; i < 4; i++) {
                call(discovery, "/users/" + (40 + i));
            }
            call(discovery, "/no/such/path");
            out.println("  stopping the instance on port " + a.port());
            a.stop();
            for (int i = 0; i < 4; i++) {
                call(discovery, "/users/" + (50 + i));
            }
            discovery
                    .status("user-service")
                    .forEach(s -> out.println("  " + s.baseUrl() + " "
                            + (s.isEjected()
                                    ? "ejected until " + s.ejectedUntil().orElseThrow()
                                    : "in rotation")));
        }
        section("Done");
    }

    private void call(ServiceDiscovery discovery, String path) throws InterruptedException {
        try (SelectedInstance instance = discovery.select("user-service")) {
            URI url = instance.resolve(path);
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                out.println("  GET " + url + " -> " + r.statusCode() + " " + r.body());
                instance.succeeded();
            } catch (IOException e) {
                out.println("  GET " + url + " -> " + e.getClass().getSimpleName() + " (instance reported failed)");
                instance.failed();
            }
        }
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }
}
