package ai.openclaw.samples.billing;

import org.jspecify.annotations.Nullable;

/**
 * A subscription.
 *
 * @param id {@code s-<n>}
 * @param userId the subscriber
 * @param plan {@code trial}, {@code basic} or {@code pro}
 * @param status {@code trialing}, {@code active} or {@code canceled}
 * @param trialEndsAt when a trial ends, RFC 3339; null for other plans
 * @param createdAt when it started, RFC 3339
 */
public record Subscription(
        String id,
        String userId,
        String plan,
        String status,
        @Nullable String trialEndsAt,
        String createdAt) {
    Subscription canceled() {
        return new Subscription(id, userId, plan, "canceled", trialEndsAt, createdAt);
    }
}
