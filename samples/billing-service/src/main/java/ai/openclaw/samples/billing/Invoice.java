package ai.openclaw.samples.billing;

/**
 * An invoice, addressed to the subscriber's email as user-service knows it.
 *
 * @param id {@code in-<n>}
 * @param subscriptionId what it bills
 * @param userId the subscriber
 * @param email where it is sent
 * @param amountCents the amount, in the currency's smallest unit
 * @param currency ISO 4217
 * @param status {@code open}, {@code paid} or {@code void}
 */
public record Invoice(
        String id,
        String subscriptionId,
        String userId,
        String email,
        long amountCents,
        String currency,
        String status) {}
