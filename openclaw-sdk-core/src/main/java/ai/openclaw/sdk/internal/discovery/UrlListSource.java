package ai.openclaw.sdk.internal.discovery;

import ai.openclaw.sdk.discovery.InstanceSource;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A source reading a comma-separated URL list from a key-value store: system properties, environment, a map. */
public final class UrlListSource implements InstanceSource {
    private final Function<String, @Nullable String> lookup;
    private final Function<String, String> keyOf;
    private final String kind;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    /** Parsed lists by raw text: a value is parsed once, not per call. */
    private final Map<String, List<URI>> parsed = new ConcurrentHashMap<>();
    /** The same, as instances with their tracks. */
    private final Map<List<URI>, List<ai.openclaw.sdk.discovery.ServiceInstance>> described = new ConcurrentHashMap<>();

    private UrlListSource(Function<String, @Nullable String> lookup, Function<String, String> keyOf, String kind) {
        this.lookup = lookup;
        this.keyOf = keyOf;
        this.kind = kind;
    }

    /** {@code openclaw.service.<name>.url}. */
    public static UrlListSource systemProperties(Properties properties) {
        Objects.requireNonNull(properties, "properties");
        return new UrlListSource(properties::getProperty, UrlListSource::propertyName, "system property");
    }

    /** {@code OPENCLAW_SERVICE_<NAME>_URL}. */
    public static UrlListSource environment(Map<String, String> environment) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        return new UrlListSource(copy::get, UrlListSource::environmentName, "environment variable");
    }

    /** A fixed map. */
    public static InstanceSource fixed(Map<String, List<URI>> instances) {
        Map<String, List<URI>> copy = new HashMap<>();
        instances.forEach((name, urls) -> {
            List<URI> checked = new java.util.ArrayList<>();
            for (URI u : urls) {
                checked.add(InstanceUrls.check(u.toString(), "instances of '" + name + "'"));
            }
            copy.put(name, List.copyOf(checked));
        });
        Map<String, List<URI>> frozen = Map.copyOf(copy);
        Map<String, List<ai.openclaw.sdk.discovery.ServiceInstance>> tracked = new HashMap<>();
        frozen.forEach((name, urls) -> tracked.put(name, parse(urls)));
        return new InstanceSource() {
            @Override
            public List<URI> instances(String serviceName) {
                return frozen.getOrDefault(serviceName, List.of());
            }

            @Override
            public List<ai.openclaw.sdk.discovery.ServiceInstance> serviceInstances(String serviceName) {
                return tracked.getOrDefault(serviceName, List.of());
            }

            @Override
            public String describe(String serviceName) {
                return "instances configured in code" + (frozen.containsKey(serviceName) ? "" : " (none for it)");
            }
        };
    }

    /** The system property that names a service's instances. */
    public static String propertyName(String serviceName) {
        return "openclaw.service." + serviceName + ".url";
    }

    /** The environment variable that names a service's instances. */
    public static String environmentName(String serviceName) {
        return "OPENCLAW_SERVICE_" + serviceName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_URL";
    }

    @Override
    public List<URI> instances(String serviceName) {
        String key = keys.computeIfAbsent(serviceName, keyOf);
        String raw = lookup.apply(key);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<URI> known = parsed.get(raw);
        if (known != null) {
            return known;
        }
        List<URI> fresh = InstanceUrls.parseList(raw, kind + " " + key);
        if (parsed.size() < 1024) {
            parsed.put(raw, fresh);
        }
        return fresh;
    }

    @Override
    public List<ai.openclaw.sdk.discovery.ServiceInstance> serviceInstances(String serviceName) {
        List<URI> urls = instances(serviceName);
        if (urls.isEmpty()) {
            return List.of();
        }
        List<ai.openclaw.sdk.discovery.ServiceInstance> known = described.get(urls);
        if (known == null) {
            known = parse(urls);
            if (described.size() < 1024) {
                described.put(urls, known);
            }
        }
        return known;
    }

    /** Each URL read with its track and version. */
    static List<ai.openclaw.sdk.discovery.ServiceInstance> parse(List<URI> urls) {
        List<ai.openclaw.sdk.discovery.ServiceInstance> out = new java.util.ArrayList<>(urls.size());
        for (URI u : urls) {
            out.add(ai.openclaw.sdk.discovery.ServiceInstance.parse(u));
        }
        return List.copyOf(out);
    }

    @Override
    public String describe(String serviceName) {
        String key = keys.computeIfAbsent(serviceName, keyOf);
        String raw = lookup.apply(key);
        return kind + " " + key + (raw == null || raw.isBlank() ? " (not set)" : "");
    }
}
