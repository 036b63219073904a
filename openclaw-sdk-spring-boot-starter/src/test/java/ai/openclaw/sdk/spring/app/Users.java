package ai.openclaw.sdk.spring.app;

import ai.openclaw.sdk.client.Http;
import ai.openclaw.sdk.spring.OpenClawClient;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** user-service, as billing-service calls it: a bean the application injects. */
@OpenClawClient("user-service")
public interface Users {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String email, String name) {}

    @Http.Get("/users/{id}")
    User user(@Http.Path("id") String id);
}
