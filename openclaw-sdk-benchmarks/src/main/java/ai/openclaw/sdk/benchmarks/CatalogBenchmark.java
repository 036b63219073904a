package ai.openclaw.sdk.benchmarks;

import ai.openclaw.sdk.catalog.CatalogLoader;
import ai.openclaw.sdk.catalog.Dependency;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a generated catalog of many services (parse, validate, merge, cross-check, index) against the raw library
 * beneath it, Jackson's YAML parser reading the same text into a tree; and the dependents queries on the loaded
 * catalog.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CatalogBenchmark {
    @Param({"1000"})
    public int services;

    private String yaml;
    private ObjectMapper rawYaml;
    private ServiceCatalog catalog;

    @Setup
    public void setUp() {
        yaml = GeneratedCatalog.yaml(services);
        rawYaml = new ObjectMapper(new YAMLFactory());
        catalog = load();
        if (!catalog.warnings().isEmpty()) {
            throw new IllegalStateException(
                    "generated catalog has warnings: " + catalog.warnings().get(0));
        }
    }

    private ServiceCatalog load() {
        return CatalogLoader.defaults().validate("generated.yaml", yaml).resultOrThrow();
    }

    /** The SDK: parse with locations, validate, cross-check, build every index. */
    @Benchmark
    public ServiceCatalog sdkLoadCatalog() {
        return load();
    }

    /** The raw library: Jackson's YAML parser reading the same text into a tree, nothing else. */
    @Benchmark
    public JsonNode rawJacksonReadTree() throws Exception {
        return rawYaml.readTree(yaml);
    }

    /** Direct dependents of the most depended-upon service. */
    @Benchmark
    public List<Dependency> dependentsOfCoreService() {
        return catalog.dependentsOf("svc-0");
    }

    /** Transitive dependents of the most depended-upon service: most of the graph. */
    @Benchmark
    public Set<String> transitiveDependentsOfCoreService() {
        return catalog.transitiveDependentsOf("svc-0");
    }

    /** Transitive dependents of a leaf-ish service. */
    @Benchmark
    public Set<String> transitiveDependentsOfLateService() {
        return catalog.transitiveDependentsOf("svc-" + (services - 10));
    }
}
