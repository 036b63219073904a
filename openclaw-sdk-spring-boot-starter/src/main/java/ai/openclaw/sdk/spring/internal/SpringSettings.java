package ai.openclaw.sdk.spring.internal;

import ai.openclaw.sdk.config.OpenClawSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The {@code openclaw.*} settings of a Spring environment, each property source a source of its own (so an error names
 * {@code application.yml} or the environment), Spring's precedence kept: a source earlier in the environment wins.
 */
public final class SpringSettings {
    private SpringSettings() {}

    /** Reads the environment's {@code openclaw.*} properties, placeholders resolved. */
    public static OpenClawSettings of(ConfigurableEnvironment environment) {
        List<PropertySource<?>> sources = new ArrayList<>();
        environment.getPropertySources().forEach(sources::add);
        OpenClawSettings.Builder builder = OpenClawSettings.builder();
        // OpenClawSettings lets later sources win; Spring lets earlier ones: walk from the last
        for (int i = sources.size() - 1; i >= 0; i--) {
            if (!(sources.get(i) instanceof EnumerablePropertySource<?> source)) {
                continue;
            }
            if (source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                Map<String, String> variables = new LinkedHashMap<>();
                for (String name : source.getPropertyNames()) {
                    if (name.startsWith("OPENCLAW_") && source.getProperty(name) != null) {
                        variables.put(name, String.valueOf(source.getProperty(name)));
                    }
                }
                builder.environment(variables);
                continue;
            }
            Map<String, String> entries = new LinkedHashMap<>();
            for (String name : source.getPropertyNames()) {
                Object value = source.getProperty(name);
                if (value != null && name.toLowerCase(Locale.ROOT).startsWith(OpenClawSettings.PREFIX)) {
                    entries.put(name, environment.resolvePlaceholders(String.valueOf(value)));
                }
            }
            if (!entries.isEmpty()) {
                builder.map(describe(source), entries);
            }
        }
        return builder.build();
    }

    /** "application.yml" rather than Spring's "Config resource 'class path resource [application.yml]' via ...". */
    private static String describe(PropertySource<?> source) {
        String name = source.getName();
        int open = name.indexOf('[');
        int close = name.indexOf(']', open + 1);
        if (open >= 0 && close > open) {
            return name.substring(open + 1, close);
        }
        return name;
    }
}
