/**
 * The server side of a service: {@link ai.openclaw.sdk.server.ServerKit} checks each incoming request against the
 * service's own OpenAPI contract (a {@code 400 application/problem+json} naming each violation's JSON pointer and rule),
 * continues the caller's W3C trace in a SERVER span with the trace ids in the logging MDC, answers a repeated {@code
 * Idempotency-Key} with the stored response, and can check responses too. It serves on the JDK's HTTP server as it is,
 * and is the engine the framework adapters call.
 *
 * <pre>{@code
 * ServerKit kit = ServerKit.builder("user-service", contracts.httpContract("user-service").orElseThrow())
 *         .openTelemetry(openTelemetry)
 *         .build();
 * server.createContext("/", kit.httpHandler(request -> switch (request.operation().toString()) {
 *     case "GET /users/{id}" -> ServerResponse.ok(users.get(request.variable("id")));
 *     default -> throw new Problem(404, "no such resource", request.path());
 * }));
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.server;

import org.jspecify.annotations.NullMarked;
