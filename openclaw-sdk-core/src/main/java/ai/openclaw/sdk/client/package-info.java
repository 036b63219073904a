/**
 * Service clients: calls to another catalog service over OkHttp, with the instance from discovery, requests and
 * responses checked against the provider's HTTP contract, a policy per target (module {@code openclaw-sdk-resilience}),
 * W3C trace context on every request and a CLIENT span per attempt.
 *
 * <pre>{@code
 * ServiceClients clients = ServiceClients.builder(discovery).contracts(contracts).policies(resilience).build();
 * User user = clients.client("user-service").get("/users/{id}").pathVariable("id", "42").send(User.class);
 * UserServiceClient users = clients.client("user-service").as(UserServiceClient.class); // an Http-annotated interface
 * Profile profile = profiles.get("/profiles/{id}").pathVariable("id", id)
 *         .sendOrElse(Profile.class, failure -> Profile.anonymous(id));
 * }</pre>
 *
 * <p>Typed interfaces: {@link ai.openclaw.sdk.client.Http}. Failures: {@link ai.openclaw.sdk.client.ClientException}
 * and its subtypes. The guide: {@code docs/clients.md}.
 */
@NullMarked
package ai.openclaw.sdk.client;

import org.jspecify.annotations.NullMarked;
