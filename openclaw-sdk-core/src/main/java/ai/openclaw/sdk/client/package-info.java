/**
 * Service clients: calls to another catalog service over OkHttp, with the instance from discovery, requests and
 * responses checked against the provider's HTTP contract, a policy per target (module {@code openclaw-sdk-resilience}),
 * W3C trace context on every request and a CLIENT span per attempt.
 *
 * <pre>{@code
 * ServiceClients clients = ServiceClients.builder(discovery).contracts(contracts).policies(resilience).build();
 * User user = clients.client("user-service").get("/users/{id}").pathVariable("id", "42").send(User.class);
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.client;

import org.jspecify.annotations.NullMarked;
