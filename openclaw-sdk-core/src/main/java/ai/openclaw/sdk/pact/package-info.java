/**
 * The Pact Broker, through its documented HAL API: publishing consumer pacts with version, branch and tags, fetching
 * the pacts a provider must verify by consumer version selectors (pending and work-in-progress pacts included),
 * publishing verification results, and asking whether a version can be deployed.
 *
 * <pre>{@code
 * try (PactBroker broker = PactBroker.builder(URI.create("https://broker.example.com"))
 *         .bearerToken(System.getenv("PACT_BROKER_TOKEN"))
 *         .build()) {
 *     broker.publish(PactBroker.Publication.of("1.4.2").branch("main"), List.of(Path.of("target/pacts")));
 *     CanIDeploy answer = broker.canIDeploy("billing-service", "1.4.2", "production");
 * }
 * }</pre>
 *
 * <p>The provider side verifies the fetched pacts with {@code PactVerifier.pactsFrom(broker, ...)} in the testing
 * module; the {@code openclaw pacts} commands do the same from a shell.
 */
@NullMarked
package ai.openclaw.sdk.pact;

import org.jspecify.annotations.NullMarked;
