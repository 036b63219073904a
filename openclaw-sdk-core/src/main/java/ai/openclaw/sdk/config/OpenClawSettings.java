package ai.openclaw.sdk.config;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import ai.openclaw.sdk.SourceLocation;
import ai.openclaw.sdk.internal.source.SourceDocument;
import ai.openclaw.sdk.internal.source.SourceSyntaxException;
import ai.openclaw.sdk.internal.source.TreePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's {@code openclaw.*} settings, gathered from wherever a service keeps its configuration, each value
 * remembering where it came from so an error can say so. Later sources win:
 *
 * <ol>
 *   <li>{@code openclaw.properties} or {@code openclaw.yaml} on the classpath (what a jar carries);
 *   <li>a file: the one {@code OPENCLAW_CONFIG} (or the system property {@code openclaw.config}) names, else
 *       {@code .openclaw/openclaw.yaml} or {@code .openclaw/openclaw.properties} in the working directory;
 *   <li>environment variables: {@code OPENCLAW_SERVER_MAX_BODY_BYTES} for {@code openclaw.server.max-body-bytes} (upper
 *       case, every {@code .} and {@code -} an {@code _});
 *   <li>system properties ({@code -Dopenclaw.server.max-body-bytes=65536}).
 * </ol>
 *
 * <p>YAML files may nest ({@code openclaw: {server: {max-body-bytes: 65536}}}) or use dotted keys. Keys compare without
 * regard to case, dashes, dots and underscores, so the environment's spelling meets the files'.
 *
 * <pre>{@code
 * OpenClawSettings settings = OpenClawSettings.load();
 * settings.check(SettingKeys.ALL).forEach(System.err::println);   // unknown keys, misspellings
 * ServerKit kit = ServerKit.builder("user-service", contract).settings(settings).build();
 * Duration ttl = settings.duration("openclaw.server.idempotency.ttl", Duration.ofHours(24));
 * }</pre>
 */
public final class OpenClawSettings {
    /** Every key starts with this. */
    public static final String PREFIX = "openclaw.";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /** A value and where it came from. */
    private record Setting(String key, String value, String origin) {}

    private final Map<String, Setting> byCanonicalKey;

    private OpenClawSettings(Map<String, Setting> byCanonicalKey) {
        this.byCanonicalKey = Map.copyOf(byCanonicalKey);
    }

    /** The settings from the standard sources (see above), read now. */
    public static OpenClawSettings load() {
        Builder b = builder().classpath("openclaw.properties").classpath("openclaw.yaml");
        String named = System.getenv("OPENCLAW_CONFIG");
        if (named == null) {
            named = System.getProperty("openclaw.config");
        }
        if (named != null) {
            b.file(Path.of(named));
        } else {
            for (String candidate : List.of(".openclaw/openclaw.yaml", ".openclaw/openclaw.properties")) {
                if (Files.isRegularFile(Path.of(candidate))) {
                    b.file(Path.of(candidate));
                }
            }
        }
        return b.environment(System.getenv())
                .systemProperties(System.getProperties())
                .build();
    }

    /** An empty builder: add sources in the order they override each other. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings from a map (tests, frameworks that bring their own sources). */
    public static OpenClawSettings of(Map<String, String> settings) {
        return builder().map("given", settings).build();
    }

    /** How keys compare: lower case, without {@code .}, {@code -} and {@code _}. */
    static String canonical(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '.' && c != '-' && c != '_') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** A setting's text, if set. */
    public Optional<String> string(String key) {
        Setting s = byCanonicalKey.get(canonical(key));
        return s == null ? Optional.empty() : Optional.of(s.value);
    }

    /** A setting's text, or the fallback. */
    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    /**
     * Where a setting came from ({@code system property openclaw.x}, {@code environment variable OPENCLAW_X}, {@code
     * .openclaw/openclaw.yaml:12:5}), if set.
     */
    public Optional<String> origin(String key) {
        Setting s = byCanonicalKey.get(canonical(key));
        return s == null ? Optional.empty() : Optional.of(s.origin);
    }

    /**
     * A whole number.
     *
     * @throws SettingsException when the value is not one, naming the key and where it came from
     */
    public int integer(String key, int fallback) {
        Setting s = byCanonicalKey.get(canonical(key));
        if (s == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid(s, "a whole number");
        }
    }

    /**
     * A number, such as {@code 5} or {@code 2.5}.
     *
     * @throws SettingsException when the value is not a finite number, naming the key and where it came from
     */
    public double decimal(String key, double fallback) {
        Setting s = byCanonicalKey.get(canonical(key));
        if (s == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(s.value.trim().replace("_", ""));
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw invalid(s, "a number");
    }

    /**
     * {@code true} or {@code false} (any case).
     *
     * @throws SettingsException when the value is neither
     */
    public boolean bool(String key, boolean fallback) {
        Setting s = byCanonicalKey.get(canonical(key));
        if (s == null) {
            return fallback;
        }
        String v = s.value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw invalid(s, "true or false");
    }

    /**
     * A duration, as {@link #parseDuration} reads it.
     *
     * @throws SettingsException when the value is none of these
     */
    public Duration duration(String key, Duration fallback) {
        Setting s = byCanonicalKey.get(canonical(key));
        if (s == null) {
            return fallback;
        }
        try {
            return parseDuration(s.value);
        } catch (IllegalArgumentException e) {
            throw invalid(s, "a duration such as 250ms, 2s, 1m or PT2S");
        }
    }

    /**
     * Reads the duration syntax every {@code openclaw.*} setting uses: {@code 250ms}, {@code 2s}, {@code 1m}, {@code
     * 2h}, {@code 1d}, or ISO-8601 ({@code PT2S}), in any case.
     *
     * @throws IllegalArgumentException when the text is none of these (the message does not repeat it)
     */
    public static Duration parseDuration(String text) {
        String v = text.trim();
        Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration such as 250ms, 2s, 1m or PT2S");
        }
    }

    /**
     * One of an enum's constants, named in any case with {@code -} or {@code _}.
     *
     * @throws SettingsException when the value names none, listing them
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        Setting s = byCanonicalKey.get(canonical(key));
        if (s == null) {
            return fallback;
        }
        String want = canonical(s.value);
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (canonical(e.name()).equals(want)) {
                return e;
            }
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw invalid(s, "one of " + String.join(", ", names));
    }

    /**
     * The settings under a prefix, as dotted keys (for a component configured by names of its own, such as {@code
     * openclaw.resilience.<policy>.retry.max-attempts}).
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        String p = prefix.toLowerCase(Locale.ROOT);
        byCanonicalKey.values().forEach(s -> {
            if (s.key.toLowerCase(Locale.ROOT).startsWith(p)) {
                out.put(s.key, s.value);
            }
        });
        return out;
    }

    /** Every setting, dotted key to value. */
    public Map<String, String> asMap() {
        return withPrefix("");
    }

    /**
     * Checks the settings against the keys the SDK knows: a key it does not know (most often a misspelling) is a
     * warning naming where it came from and, when one is close, the key meant.
     *
     * @param known the known keys; a key ending in {@code .*} stands for every key below it
     * @return the findings, empty when every key is known
     */
    public List<Finding> check(Collection<String> known) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String k : known) {
            if (k.endsWith(".*")) {
                prefixes.add(canonical(k.substring(0, k.length() - 2)));
            } else {
                exact.add(k);
            }
        }
        List<String> exactCanonical =
                exact.stream().map(OpenClawSettings::canonical).toList();
        List<Finding> out = new ArrayList<>();
        for (Setting s : new TreeMap<>(byCanonicalKey).values()) {
            String c = canonical(s.key);
            if (exactCanonical.contains(c) || prefixes.stream().anyMatch(c::startsWith)) {
                continue;
            }
            String meant = closest(s.key, exact);
            out.add(Finding.of(
                    Severity.WARNING,
                    "unknown-setting",
                    null,
                    s.key,
                    "no such setting (from " + s.origin + ")"
                            + (meant == null ? "" : "; did you mean " + meant + "?")));
        }
        return out;
    }

    private static @Nullable String closest(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(canonical(key), canonical(k));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= 3 ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static SettingsException invalid(Setting s, String expected) {
        // the value itself is not repeated: settings hold passwords and tokens
        return new SettingsException(s.key + " (from " + s.origin + ") is not " + expected);
    }

    @Override
    public String toString() {
        return "OpenClawSettings[" + byCanonicalKey.size() + " settings]";
    }

    /** Gathers sources; each one added overrides the ones before it. */
    public static final class Builder {
        private final Map<String, Setting> settings = new LinkedHashMap<>();

        private Builder() {}

        private void put(String key, String value, String origin) {
            if (key.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
                settings.put(canonical(key), new Setting(key, value, origin));
            }
        }

        /** The {@code openclaw.*} entries of a map; {@code origin} names it in errors. */
        public Builder map(String origin, Map<String, String> entries) {
            entries.forEach((k, v) -> put(k, v, origin));
            return this;
        }

        /** System properties ({@code openclaw.*} only). */
        public Builder systemProperties(Properties properties) {
            properties.stringPropertyNames().forEach(k -> put(k, properties.getProperty(k), "system property " + k));
            return this;
        }

        /** Environment variables: {@code OPENCLAW_A_B_C} is {@code openclaw.a.b.c} (and {@code openclaw.a-b.c}...). */
        public Builder environment(Map<String, String> environment) {
            environment.forEach((k, v) -> {
                if (k.startsWith("OPENCLAW_") && !k.equals("OPENCLAW_CONFIG") && !k.equals("OPENCLAW_TEST_REDIS")) {
                    put(k.toLowerCase(Locale.ROOT).replace('_', '.'), v, "environment variable " + k);
                }
            });
            return this;
        }

        /**
         * A {@code .properties} or {@code .yaml}/{@code .yml} file.
         *
         * @throws SettingsException when it cannot be read or parsed, naming the file and place
         */
        public Builder file(Path file) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SettingsException("the settings file " + file + " cannot be read: " + e.getMessage());
            }
            return text(file.toString(), text);
        }

        /** A resource on the thread's context class loader (or this class's), skipped when absent. */
        public Builder classpath(String resource) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = OpenClawSettings.class.getClassLoader();
            }
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    text("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new SettingsException("classpath:" + resource + " cannot be read: " + e.getMessage());
            }
            return this;
        }

        private Builder text(String name, String text) {
            if (name.endsWith(".properties")) {
                Properties p = new Properties();
                try {
                    p.load(new StringReader(text));
                } catch (IOException | IllegalArgumentException e) {
                    throw new SettingsException(name + " is not a properties file: " + e.getMessage());
                }
                p.stringPropertyNames().forEach(k -> put(k, p.getProperty(k), name));
                return this;
            }
            SourceDocument doc;
            try {
                doc = SourceDocument.parseYaml(name, text);
            } catch (SourceSyntaxException e) {
                throw new SettingsException(e.getMessage());
            }
            flatten(doc, doc.root(), "", "");
            return this;
        }

        private void flatten(SourceDocument doc, JsonNode node, String key, String path) {
            if (node.isObject()) {
                node.properties()
                        .forEach(e -> flatten(
                                doc,
                                e.getValue(),
                                key.isEmpty() ? e.getKey() : key + "." + e.getKey(),
                                TreePath.key(path, e.getKey())));
            } else if (node.isArray()) {
                List<String> items = new ArrayList<>();
                node.forEach(i -> items.add(i.asText()));
                put(key, String.join(",", items), where(doc, path));
                return;
            } else if (!node.isMissingNode() && !node.isNull()) {
                put(key, node.asText(), where(doc, path));
            }
        }

        private static String where(SourceDocument doc, String path) {
            SourceLocation at = doc.valueLocation(path);
            return at.toString();
        }

        /** The settings. */
        public OpenClawSettings build() {
            return new OpenClawSettings(settings);
        }
    }

    /** Raised for a setting that cannot be read; names the key and where it came from, never the value. */
    public static final class SettingsException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SettingsException(String message) {
            super(message);
        }
    }
}
