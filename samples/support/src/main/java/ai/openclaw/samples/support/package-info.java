/**
 * What the three sample services share: {@link ai.openclaw.samples.support.SampleEnvironment} (the system's catalog,
 * contracts and resilience policies, the event transport, discovery and OpenTelemetry, with publishers and subscribers
 * set up the same way for every service) and {@link ai.openclaw.samples.support.SampleServer} (JSON routes on the JDK's
 * HTTP server, each request checked against the service's own OpenAPI contract, a SERVER span, the health endpoints).
 *
 * <pre>{@code
 * SampleEnvironment env = SampleEnvironment.builder(Path.of("samples")).transport(redis).build();
 * SampleServer server = SampleServer.builder("user-service", env)
 *         .route("GET /users/{id}", r -> ServerResponse.ok(find(r.variable("id"))))
 *         .start(8080);
 * }</pre>
 */
@NullMarked
package ai.openclaw.samples.support;

import org.jspecify.annotations.NullMarked;
