package ai.openclaw.sdk.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tracks and versions as sources say them, and how a split picks a track. */
class CanaryRoutingTest {
    @Test
    void aUrlFragmentSaysTheTrackAndVersion() {
        assertThat(ServiceInstance.parse(URI.create("http://10.0.0.9:8080#track=canary&version=1.5.0")))
                .isEqualTo(new ServiceInstance(URI.create("http://10.0.0.9:8080"), "canary", Optional.of("1.5.0")));
        assertThat(ServiceInstance.parse(URI.create("http://10.0.0.9:8080/base#canary")))
                .isEqualTo(new ServiceInstance(URI.create("http://10.0.0.9:8080/base"), "canary", Optional.empty()));
        assertThat(ServiceInstance.parse(URI.create("http://10.0.0.7:8080")).track())
                .isEqualTo("stable");
        ServiceInstance i = ServiceInstance.parse(URI.create("http://h:1/a%20b?x=1#version=2"));
        assertThat(i.baseUrl().toString()).isEqualTo("http://h:1/a%20b?x=1");
        assertThat(i.toUrl().toString()).isEqualTo("http://h:1/a%20b?x=1#track=stable&version=2");
        assertThat(ServiceInstance.parse(i.toUrl())).isEqualTo(i);
    }

    @Test
    void aFragmentSayingSomethingElseIsRefusedByName() {
        assertThatThrownBy(() -> ServiceInstance.parse(URI.create("http://10.0.0.9:8080#weight=5")))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("has 'weight' in its fragment; it may say track=<name> and version=<version>");
        assertThatThrownBy(() -> ServiceInstance.parse(URI.create("http://10.0.0.9:8080#track=a%20b")))
                .isInstanceOf(DiscoveryException.class);
    }

    @Test
    void stickyKeysSpreadEvenlyAndStayWhenTheShareGrows() {
        CanarySplit five = CanarySplit.stickyPercent(5);
        CanarySplit twentyFive = CanarySplit.stickyPercent(25);
        int atFive = 0;
        int atTwentyFive = 0;
        for (int k = 0; k < 100_000; k++) {
            String key = "user-" + k;
            boolean a = five.toCanary(key, 0.99);
            boolean b = twentyFive.toCanary(key, 0.99);
            if (a) {
                atFive++;
                assertThat(b)
                        .as(key + " stays on the canary as the share grows")
                        .isTrue();
            }
            if (b) {
                atTwentyFive++;
            }
            assertThat(five.toCanary(key, 0.0))
                    .as("the random number is not used for a key")
                    .isEqualTo(a);
        }
        assertThat(atFive).isBetween(4_700, 5_300);
        assertThat(atTwentyFive).isBetween(24_500, 25_500);
    }

    @Test
    void withoutAKeyOrWhenNotStickyTheRandomNumberDecides() {
        assertThat(CanarySplit.percent(5).toCanary("k", 0.049)).isTrue();
        assertThat(CanarySplit.percent(5).toCanary("k", 0.05)).isFalse();
        assertThat(CanarySplit.stickyPercent(5).toCanary(null, 0.01)).isTrue();
        assertThat(CanarySplit.NONE.toCanary("k", 0)).isFalse();
        assertThat(CanarySplit.percent(100).toCanary("k", 0.999)).isTrue();
        assertThatThrownBy(() -> CanarySplit.percent(101)).hasMessageContaining("0 to 100");
    }
}
