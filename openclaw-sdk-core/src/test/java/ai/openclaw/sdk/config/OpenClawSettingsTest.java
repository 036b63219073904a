package ai.openclaw.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from files, the environment and system properties: precedence, spellings, types, errors, unknown keys. */
class OpenClawSettingsTest {
    @TempDir
    Path dir;

    private enum Mode {
        OFF,
        LOG,
        REFUSE_ALL
    }

    @Test
    void laterSourcesWinAndEveryValueKnowsWhereItCameFrom() throws Exception {
        Path yaml = dir.resolve("openclaw.yaml");
        Files.writeString(yaml, """
                openclaw:
                  server:
                    max-body-bytes: 1024
                    response-validation: log
                  resilience.user-calls.retry.max-attempts: 3
                other: ignored
                """);
        Properties system = new Properties();
        system.setProperty("openclaw.server.response-validation", "refuse");
        system.setProperty("java.version", "ignored");
        OpenClawSettings settings = OpenClawSettings.builder()
                .file(yaml)
                .environment(Map.of("OPENCLAW_SERVER_MAX_BODY_BYTES", "2048", "PATH", "/bin"))
                .systemProperties(system)
                .build();
        assertThat(settings.integer("openclaw.server.max-body-bytes", 0)).isEqualTo(2048);
        assertThat(settings.origin("openclaw.server.max-body-bytes"))
                .hasValue("environment variable OPENCLAW_SERVER_MAX_BODY_BYTES");
        assertThat(settings.string("openclaw.server.response-validation")).hasValue("refuse");
        assertThat(settings.withPrefix("openclaw.resilience."))
                .containsEntry("openclaw.resilience.user-calls.retry.max-attempts", "3");
        assertThat(settings.origin("openclaw.resilience.user-calls.retry.max-attempts")
                        .orElseThrow())
                .startsWith(yaml + ":5:");
        assertThat(settings.asMap()).doesNotContainKeys("other", "java.version");
    }

    @Test
    void propertiesFilesAndTheClasspathAreSourcesToo() throws Exception {
        Path props = dir.resolve("openclaw.properties");
        Files.writeString(props, "openclaw.server.idempotency.ttl=2h\n");
        OpenClawSettings settings = OpenClawSettings.builder()
                .classpath("no-such-openclaw.properties")
                .file(props)
                .build();
        assertThat(settings.duration("openclaw.server.idempotency.ttl", Duration.ZERO))
                .isEqualTo(Duration.ofHours(2));
        assertThat(settings.origin("openclaw.server.idempotency.ttl")).hasValue(props.toString());
    }

    @Test
    void valuesAreReadByTypeAndAWrongOneNamesTheKeyAndPlaceButNotTheValue() {
        OpenClawSettings settings = OpenClawSettings.builder()
                .map(
                        "test",
                        Map.of(
                                "openclaw.a.count", "12_000",
                                "openclaw.a.flag", "TRUE",
                                "openclaw.a.wait", "250ms",
                                "openclaw.a.iso", "PT10S",
                                "openclaw.a.mode", "refuse-all",
                                "openclaw.a.secret", "hunter2"))
                .build();
        assertThat(settings.integer("openclaw.a.count", 0)).isEqualTo(12_000);
        assertThat(settings.bool("openclaw.a.flag", false)).isTrue();
        assertThat(settings.duration("openclaw.a.wait", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.duration("openclaw.a.iso", Duration.ZERO)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.choice("openclaw.a.mode", Mode.class, Mode.OFF)).isEqualTo(Mode.REFUSE_ALL);
        assertThat(settings.integer("openclaw.a.missing", 7)).isEqualTo(7);
        assertThatThrownBy(() -> settings.integer("openclaw.a.secret", 0))
                .isInstanceOf(OpenClawSettings.SettingsException.class)
                .hasMessage("openclaw.a.secret (from test) is not a whole number")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> settings.choice("openclaw.a.secret", Mode.class, Mode.OFF))
                .hasMessageContaining("one of off, log, refuse-all");
        assertThatThrownBy(() -> settings.duration("openclaw.a.secret", Duration.ZERO))
                .hasMessageContaining("a duration such as 250ms, 2s, 1m or PT2S");
    }

    @Test
    void unknownKeysAreFoundWithTheKeyMeant() {
        OpenClawSettings settings = OpenClawSettings.builder()
                .map(
                        "application.yml",
                        Map.of(
                                "openclaw.server.max-body-byte", "1",
                                "openclaw.resilience.user-calls.retry.max-attempts", "3",
                                "openclaw.server.response-validation", "log",
                                "openclaw.nothing.like.it", "x"))
                .build();
        assertThat(settings.check(List.of(
                        "openclaw.server.max-body-bytes",
                        "openclaw.server.response-validation",
                        "openclaw.resilience.*")))
                .extracting(Object::toString)
                .containsExactly(
                        "warning: openclaw.nothing.like.it: no such setting (from application.yml)",
                        "warning: openclaw.server.max-body-byte: no such setting (from application.yml); did you mean"
                                + " openclaw.server.max-body-bytes?");
    }

    @Test
    void aBrokenFileIsNamedWithItsPlace() throws Exception {
        Path yaml = dir.resolve("broken.yaml");
        Files.writeString(yaml, "openclaw:\n  server: [1, 2\n");
        assertThatThrownBy(() -> OpenClawSettings.builder().file(yaml))
                .isInstanceOf(OpenClawSettings.SettingsException.class)
                .hasMessageContaining(yaml.toString());
        assertThatThrownBy(() -> OpenClawSettings.builder().file(dir.resolve("missing.yaml")))
                .hasMessageContaining("cannot be read");
    }
}
