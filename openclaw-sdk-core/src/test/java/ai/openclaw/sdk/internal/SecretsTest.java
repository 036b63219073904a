package ai.openclaw.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void passwordsWithSlashesColonsAndAtSignsAreHiddenInText() {
        assertThat(Secrets.redact("cannot reach redis://alice:s3/cr:et@x@cache:6379/0 now"))
                .isEqualTo("cannot reach redis://****@cache:6379/0 now");
        assertThat(Secrets.redact("redis://:hunter2@127.0.0.1:1 and mail bob@example.com"))
                .isEqualTo("redis://****@127.0.0.1:1 and mail bob@example.com");
        assertThat(Secrets.redact("no credentials in redis://cache:6379"))
                .isEqualTo("no credentials in redis://cache:6379");
    }

    @Test
    void aUrlThatDoesNotParseIsPrintedWithoutItsUserInformationOrQueryValues() {
        assertThat(Secrets.redactUrl("redis://alice:pass word/with@signs@cache:6379?timeout=5s&password=x y"))
                .isEqualTo("redis://****@cache:6379?timeout=****&password=****");
        assertThat(Secrets.redactUrl("redis://cache:6379")).isEqualTo("redis://cache:6379");
        assertThat(Secrets.redactUrl("not a url at all")).isEqualTo("not a url at all");
    }
}
