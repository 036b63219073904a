/**
 * Canary deployments: how a canary of a service is run ({@link ai.openclaw.sdk.canary.CanaryPlan}) and judged from
 * the calls of its track and its baseline's ({@link ai.openclaw.sdk.canary.CanaryAnalysis}); the split itself is
 * discovery's ({@link ai.openclaw.sdk.discovery.CanarySplit}). docs/canary.md.
 *
 * <pre>{@code
 * discovery.canary("user-service", CanarySplit.stickyPercent(5));
 * CanaryVerdict v = CanaryAnalysis.analyze(discovery.observe("user-service"), CanaryCriteria.defaults());
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.canary;

import org.jspecify.annotations.NullMarked;
