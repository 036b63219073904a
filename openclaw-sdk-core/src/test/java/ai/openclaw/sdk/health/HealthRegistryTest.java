package ai.openclaw.sdk.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthRegistryTest {
    /** Generous: a check that only returns must never time out on a loaded machine. */
    private final HealthRegistry registry =
            HealthRegistry.builder().timeout(Duration.ofSeconds(30)).build();

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void groupsSelectTheirChecksAndAnyDownCheckMakesTheGroupDown() {
        registry.liveness("loop", HealthResult::up);
        registry.readiness("redis", () -> HealthResult.down("no PONG"));
        registry.register(
                "catalog", () -> HealthResult.up().withData("services", 3), HealthGroup.STARTUP, HealthGroup.READINESS);

        HealthReport live = registry.report(HealthGroup.LIVENESS);
        assertThat(live.status()).isEqualTo(HealthStatus.UP);
        assertThat(live.checks()).extracting(HealthReport.Check::name).containsExactly("loop");

        HealthReport ready = registry.report(HealthGroup.READINESS);
        assertThat(ready.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(ready.checks()).extracting(HealthReport.Check::name).containsExactly("redis", "catalog");
        assertThat(ready.check("redis").orElseThrow().data()).isEqualTo(Map.of("error", "no PONG"));

        assertThat(registry.report(HealthGroup.STARTUP).isUp()).isTrue();
        assertThat(registry.report().checks())
                .extracting(HealthReport.Check::name)
                .containsExactly("loop", "redis", "catalog");
        assertThat(registry.report().isUp()).isFalse();
    }

    @Test
    void anEmptyGroupIsUp() {
        assertThat(registry.report(HealthGroup.STARTUP)).isEqualTo(new HealthReport(HealthStatus.UP, List.of()));
        assertThat(registry.report(HealthGroup.STARTUP).toJson()).isEqualTo("{\"status\":\"UP\",\"checks\":[]}");
    }

    @Test
    void aCheckThatThrowsIsDownWithItsMessageAndNoPassword() {
        registry.readiness("redis", () -> {
            throw new IllegalStateException("cannot reach redis://billing:s3cret@redis.internal:6379/0");
        });
        HealthReport.Check check =
                registry.report(HealthGroup.READINESS).checks().get(0);
        assertThat(check.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(check.data())
                .containsEntry("error", "IllegalStateException: cannot reach redis://****@redis.internal:6379/0");
        assertThat(registry.report().toJson()).doesNotContain("s3cret");
    }

    @Test
    void stringDataLosesTheUserInformationOfUris() {
        registry.readiness("db", () -> HealthResult.up().withData("url", "postgres://app:hunter2@db:5432/app"));
        assertThat(registry.report().checks().get(0).data()).containsEntry("url", "postgres://****@db:5432/app");
    }

    @Test
    void aHungCheckTimesOutAndIsNotStartedAgainWhileItHangs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        registry.register(
                "hung",
                () -> {
                    runs.incrementAndGet();
                    release.await();
                    return HealthResult.up();
                },
                Duration.ofMillis(300),
                java.util.Set.of(HealthGroup.READINESS));
        registry.readiness("fine", HealthResult::up);
        long start = System.nanoTime();
        HealthReport report = registry.report(HealthGroup.READINESS);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.check("hung").orElseThrow().data()).containsEntry("error", "timed out after 300 ms");
        assertThat(report.check("fine").orElseThrow().status()).isEqualTo(HealthStatus.UP);
        assertThat(tookMillis).as("it waited for the time limit").isGreaterThanOrEqualTo(290L);

        registry.report(HealthGroup.READINESS);
        registry.report(HealthGroup.READINESS);
        assertThat(runs).as("later probes wait for the same run").hasValue(1);

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!registry.report(HealthGroup.READINESS).isUp() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the released run finishes on its own thread
        }
        assertThat(registry.report(HealthGroup.READINESS).isUp()).isTrue();
    }

    @Test
    void checksOfOneReportRunInParallel() {
        // each check waits until all four run: one after another, the first would time out waiting for the rest
        CountDownLatch allRunning = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            registry.register(
                    "together-" + i,
                    () -> {
                        allRunning.countDown();
                        return allRunning.await(20, TimeUnit.SECONDS) ? HealthResult.up() : HealthResult.down("alone");
                    },
                    Duration.ofSeconds(25),
                    java.util.Set.of(HealthGroup.READINESS));
        }
        HealthReport report = registry.report();
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(HealthStatus.UP));
    }

    @Test
    void resultsAreReusedWithinTheCacheTime() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        MutableClock clock = new MutableClock();
        try (HealthRegistry cached = HealthRegistry.builder()
                .cacheFor(Duration.ofMillis(300))
                .clock(clock)
                .build()) {
            cached.readiness("counted", () -> HealthResult.up().withData("run", runs.incrementAndGet()));
            for (int i = 0; i < 20; i++) {
                cached.report();
            }
            assertThat(runs).as("a probe storm runs the check once").hasValue(1);
            clock.advance(Duration.ofMillis(299));
            assertThat(cached.report().checks().get(0).data()).containsEntry("run", 1);
            clock.advance(Duration.ofMillis(1));
            assertThat(cached.report().checks().get(0).data()).containsEntry("run", 2);
        }
        try (HealthRegistry uncached =
                HealthRegistry.builder().cacheFor(Duration.ZERO).build()) {
            uncached.readiness("counted", () -> HealthResult.up().withData("run", runs.incrementAndGet()));
            uncached.report();
            uncached.report();
            assertThat(runs).hasValue(4);
        }
    }

    @Test
    void registrationMistakesAreRefusedWithTheName() {
        registry.readiness("redis", HealthResult::up);
        assertThatThrownBy(() -> registry.liveness("redis", HealthResult::up))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a health check named redis is registered already");
        assertThatThrownBy(() ->
                        registry.register("x", HealthResult::up, Duration.ZERO, java.util.Set.of(HealthGroup.LIVENESS)))
                .hasMessage("the time limit of health check x must be positive");
        assertThatThrownBy(() -> HealthResult.up().withData("when", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the value of data key when is a java.lang.Object");
        assertThat(registry.unregister("redis")).isTrue();
        assertThat(registry.names()).isEmpty();
    }

    @Test
    void aCheckReturningNullIsDown() {
        registry.readiness("broken", () -> null);
        assertThat(registry.report().checks().get(0).data())
                .containsEntry("error", "NullPointerException: the check returned null");
    }

    @Test
    void theJsonHasTheMicroProfileShape() {
        registry.readiness("redis", () -> HealthResult.up()
                .withData("server", "localhost:6379")
                .withData("latency_ms", 0.25)
                .withData("connected", true)
                .withData("streams", 2));
        registry.liveness("loop", HealthResult::up);
        assertThat(registry.report().toJson())
                .isEqualTo("{\"status\":\"UP\",\"checks\":["
                        + "{\"name\":\"redis\",\"status\":\"UP\",\"data\":{\"server\":\"localhost:6379\","
                        + "\"latency_ms\":0.25,\"connected\":true,\"streams\":2}},"
                        + "{\"name\":\"loop\",\"status\":\"UP\"}]}");
    }
}
