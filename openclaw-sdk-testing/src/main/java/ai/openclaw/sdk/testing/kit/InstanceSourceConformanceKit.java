package ai.openclaw.sdk.testing.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.discovery.InstanceSource;
import ai.openclaw.sdk.discovery.NoInstanceException;
import ai.openclaw.sdk.discovery.SelectedInstance;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of the discovery SPI, {@link InstanceSource}: extend it, and place services where your source
 * looks (DNS records, a Consul agent, a Kubernetes API, a file) in {@link #newSource}.
 *
 * <pre>{@code
 * class ConsulSourceConformanceTest extends InstanceSourceConformanceKit {
 *     @Override
 *     protected InstanceSource newSource(Map<String, List<URI>> placements) {
 *         placements.forEach(consul::register);        // your test Consul
 *         return new ConsulInstanceSource(consul.url());
 *     }
 * }
 * }</pre>
 *
 * <p>It checks what {@link ServiceDiscovery} relies on: the placed instances come back (absolute http URLs), a service
 * the source does not know is an empty list rather than an error, a description says where it looks, concurrent
 * lookups agree, and discovery over the source alone selects placed instances and explains a miss.
 */
public abstract class InstanceSourceConformanceKit {
    /** A source that knows these services at these base URLs (and no others). */
    protected abstract InstanceSource newSource(Map<String, List<URI>> placements);

    private static final URI USERS_1 = URI.create("http://127.0.0.1:18081");
    private static final URI USERS_2 = URI.create("http://127.0.0.1:18082");
    private static final URI BILLING = URI.create("http://127.0.0.1:18090");

    private InstanceSource placed() {
        Map<String, List<URI>> placements = new LinkedHashMap<>();
        placements.put("user-service", List.of(USERS_1, USERS_2));
        placements.put("billing-service", List.of(BILLING));
        return newSource(placements);
    }

    private static Set<URI> normalized(List<URI> uris) {
        Set<URI> out = new HashSet<>();
        for (URI u : uris) {
            String s = u.toString();
            out.add(URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
        }
        return out;
    }

    @Test
    void placedInstancesComeBack() {
        InstanceSource source = placed();
        assertThat(normalized(source.instances("user-service"))).containsExactlyInAnyOrder(USERS_1, USERS_2);
        assertThat(normalized(source.instances("billing-service"))).containsExactly(BILLING);
        assertThat(source.instances("user-service")).allSatisfy(u -> {
            assertThat(u.isAbsolute()).isTrue();
            assertThat(u.getScheme()).isIn("http", "https");
        });
    }

    @Test
    void anUnknownServiceIsAnEmptyListNotAnError() {
        assertThat(placed().instances("nobody-service")).isEmpty();
    }

    @Test
    void aDescriptionSaysWhereItLooks() {
        InstanceSource source = placed();
        assertThat(source.describe("user-service")).isNotBlank();
        assertThat(source.describe("nobody-service")).isNotBlank();
    }

    @Test
    void concurrentLookupsAgree() throws Exception {
        InstanceSource source = placed();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<URI>>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String service = i % 2 == 0 ? "user-service" : "billing-service";
                answers.add(pool.submit(() -> normalized(source.instances(service))));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS))
                        .isEqualTo(i % 2 == 0 ? Set.of(USERS_1, USERS_2) : Set.of(BILLING));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void discoveryOverTheSourceSelectsPlacedInstancesAndExplainsAMiss() {
        InstanceSource source = placed();
        ServiceDiscovery discovery = ServiceDiscovery.builder()
                .systemProperties(new java.util.Properties())
                .environment(Map.of())
                .addSource(source)
                .build();
        Set<URI> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            try (SelectedInstance instance = discovery.select("user-service")) {
                seen.add(normalized(List.of(instance.baseUrl())).iterator().next());
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(USERS_1, USERS_2);
        assertThatThrownBy(() -> discovery.select("nobody-service"))
                .isInstanceOf(NoInstanceException.class)
                .hasMessageContaining(source.describe("nobody-service"));
    }
}
