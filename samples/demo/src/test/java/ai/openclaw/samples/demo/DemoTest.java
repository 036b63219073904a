package ai.openclaw.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.testing.redis.RedisServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo README gives runs against a real Redis and shows everything it promises. */
class DemoTest {
    @Test
    void theDemoShowsWhatItPromises() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RedisServer redis = RedisServer.start()) {
            new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(Path.of(".."), redis);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertThat(out)
                // the events in one trace: front end -> user-service -> both subscribers
                .containsPattern("trace [0-9a-f]{32}:")
                .containsPattern(Pattern.compile("user-service\\s+SERVER\\s+POST /users"))
                .containsPattern(Pattern.compile("user-service\\s+PRODUCER\\s+publish user.created"))
                .containsPattern(Pattern.compile("billing-service\\s+CONSUMER\\s+process user.created"))
                .containsPattern(Pattern.compile("notification-service\\s+CONSUMER\\s+process user.created"))
                .contains("[mail] to ada@example.com: \"Welcome, Ada Lovelace!\"")
                .contains("billing-service: subscription s-1 trial trialing until")
                // health
                .containsPattern("user-service\\s+200 UP  \\[redis=UP, replies=UP\\]")
                .containsPattern("billing-service\\s+200 UP  \\[")
                .contains("circuits=UP")
                // the contract violation
                .contains("400 application/problem+json: the request breaks the user-service contract")
                .contains("/email  pattern:")
                .contains("/password  minLength:")
                // request-reply over events: each instance of user-service gets its own answer, in one trace
                .containsPattern(
                        "GET user-service-1 /users/u-1/subscription -> 200 \\{\"userId\":\"u-1\",\"status\":\"trialing\"")
                .containsPattern(
                        "GET user-service-2 /users/u-1/subscription -> 200 \\{\"userId\":\"u-1\",\"status\":\"trialing\"")
                .contains("reply:user-service@user-service-1:subscription.status_retrieved: 1 reply, 1 answered")
                .contains("reply:user-service@user-service-2:subscription.status_retrieved: 1 reply, 1 answered")
                .containsPattern(Pattern.compile("user-service\\s+CLIENT\\s+request subscription.inquiry_received"))
                .containsPattern(
                        Pattern.compile("billing-service\\s+PRODUCER\\s+publish subscription.status_retrieved"))
                .containsPattern(Pattern.compile("user-service\\s+CONSUMER\\s+process subscription.status_retrieved"))
                // a canary of user-service: discovery knows its track, the split sends it its customers, judged twice
                .containsPattern("discovery lists \\d+ stable, \\d+ canary 1\\.1\\.0")
                .containsPattern("240 calls of 60 customers \\(a routing key each\\), 0 failed")
                .containsPattern("verdict: (PROMOTE|HOLD|ROLLBACK) \\(user-service\\)")
                .containsPattern("canary\\s+\\d+\\s+0\\s+0\\.00%")
                .contains("the canary crashes")
                .contains("verdict: ROLLBACK (user-service)")
                .contains("- the canary fails more often: 100.00% of calls against the baseline's 0.00%")
                .contains("rolled back (share 0, the canary unlisted): 60 calls, 0 failed")
                // a question billing-service was down for: 504, then dead-lettered as expired, not answered late
                .contains("/subscription -> 504 billing-service did not answer")
                .contains("subscription.inquiry_received.dlq")
                .contains("reason: rejected by the handler: expired: user-service stopped waiting")
                // the circuit breaker
                .contains("ServiceUnavailableException")
                .contains("[circuit] calls to billing-service: CLOSED -> OPEN")
                .contains("the circuit breaker of billing-service is open")
                .contains("from the user.created it missed while down")
                .contains("[circuit] calls to billing-service: OPEN -> HALF_OPEN")
                .contains("[circuit] calls to billing-service: HALF_OPEN -> CLOSED")
                .containsPattern("GET /subscriptions/s-1 -> 200 trialing")
                // the poison event
                .contains("user.created.dlq")
                .contains("after 3 deliveries")
                .contains("550 5.1.2 bounce.invalid: domain does not accept mail")
                .contains("[mail] to lin@example.com")
                // on a loaded machine the poison's three deliveries may all fail before lin's welcome is seen
                .containsPattern(
                        "lin@example.com was welcomed (while the poison event was still being retried|meanwhile)")
                .contains("billing-service started trials for u-3 and u-4: true")
                // notification-service on Spring Boot, in the plain one's place
                .contains("the same service starts as a Spring Boot 4 application")
                .contains("[mail] to mae@example.com: \"Welcome, Mae Jemison!\"")
                .contains("mae@example.com: welcomed by the @OpenClawEventHandler bean method")
                .containsPattern("GET /actuator/health/readiness -> 200 UP .*openclawReadiness=UP \\[.*redis=UP")
                .contains("Spring Boot notification-service stopped")
                .contains("== Done");
    }
}
