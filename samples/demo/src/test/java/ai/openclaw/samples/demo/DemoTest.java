package ai.openclaw.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo README gives runs, and shows what it promises. */
class DemoTest {
    @Test
    void theTourRuns() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(Path.of(".."));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("4 services, owned by 3 teams; valid in strict mode, 0 warnings")
                .contains("billing-service [EVENTS] [user.created, user.deleted]")
                .contains("notification-service [EVENTS] [user.created]")
                .contains("-> billing-service reacts")
                .contains("team-payments")
                .contains("user-service (team-identity) via payment-gateway -> billing-service -> user-service")
                .contains("-> 200 {\"service\":\"user-service\"")
                .contains("\"endpoint\":\"GET /users/{id}\"")
                .contains("-> 404")
                .contains("(instance reported failed)")
                .contains("ejected until")
                .contains("== Done");
        // after the stop, every call but the one that found the instance down succeeds
        String afterStop = out.substring(out.indexOf("stopping the instance"));
        assertThat(afterStop.split("-> 200", -1)).hasSize(4);
    }
}
