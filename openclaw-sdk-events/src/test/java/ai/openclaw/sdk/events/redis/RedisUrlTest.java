package ai.openclaw.sdk.events.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a password holds, a URL that does not parse never shows it: not in the message, not in a cause. */
class RedisUrlTest {
    @ParameterizedTest
    @ValueSource(strings = {"pass word", "p@ss", "pa/ss", "s3cr:et@x", "%zz", "50%off now"})
    void aPasswordNeverAppearsInTheError(String password) {
        String url = "redis://alice:" + password + "@127.0.0.1:1"; // nothing listens on port 1
        Throwable thrown = catchThrowable(() -> RedisTransport.create(url).close());
        assertThat(thrown).as("nothing to connect to").isNotNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(password).doesNotContain("alice");
        }
        if (thrown instanceof IllegalArgumentException) { // it did not parse (a space, a bad %-escape...)
            assertThat(thrown).hasNoCause();
            assertThat(thrown.getMessage()).startsWith("not a Redis URL: redis://****@127.0.0.1:1 (");
        }
    }

    @Test
    void aPasswordWithAnyCharacterParsesPercentEncoded() {
        RedisURI uri = RedisTransport.uri("redis://alice:p%40ss%20w%2Frd%3A%25@cache.internal:6380/2");
        assertThat(new String(uri.getPassword())).isEqualTo("p@ss w/rd:%");
        assertThat(uri.getUsername()).isEqualTo("alice");
        assertThat(uri.getHost()).isEqualTo("cache.internal");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getDatabase()).isEqualTo(2);
    }

    @Test
    void theErrorSaysHowToWriteIt() {
        assertThatThrownBy(() -> RedisTransport.uri("redis://alice:pass word@cache:6379"))
                .hasMessage("not a Redis URL: redis://****@cache:6379 (expected redis://[user:password@]host:port;"
                        + " percent-encode a space, '@', '/', ':' or '%' in the password)");
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
