/**
 * Dependency-aware deployment plans: for a set of changed services and contracts, phases in a safe order with a
 * rollback note for each, as the seed's {@code openclaw deploy plan} prints them.
 *
 * <pre>{@code
 * DeploymentPlan plan = DeploymentPlanner.of(catalog).plan(List.of("user-service", "billing-service"));
 * System.out.println(plan.toMarkdown());
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.deploy;

import org.jspecify.annotations.NullMarked;
