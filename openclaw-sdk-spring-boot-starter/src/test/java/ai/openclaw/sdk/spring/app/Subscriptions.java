package ai.openclaw.sdk.spring.app;

import ai.openclaw.sdk.client.ClientException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /subscriptions: the request already checked against the contract by the starter's filter. */
@RestController
public class Subscriptions {
    private final Users users;

    public Subscriptions(Users users) {
        this.users = users;
    }

    record NewSubscription(String userId, String plan) {}

    @PostMapping(path = "/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> create(@RequestBody NewSubscription request) {
        Users.User user;
        try {
            user = users.user(request.userId());
        } catch (ClientException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Map.of("title", "user-service is unavailable", "status", 503));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of(
                        "id", "s-" + UUID.randomUUID(),
                        "userId", user.id(),
                        "plan", request.plan(),
                        "status", "trialing",
                        "createdAt", Instant.now().toString()));
    }
}
