/**
 * Contracts: JSON Schema event contracts and OpenAPI HTTP contracts, validated at run time, compared when they evolve.
 * A JSON Schema is read in the dialect its {@code $schema} names (draft-04, -06, -07, 2019-09, 2020-12), draft-07
 * without one.
 *
 * <pre>{@code
 * ContractRegistry contracts = ContractRegistry.load(Path.of("contracts"));
 * contracts.validateEvent("user.created", ContractVersion.parse("1.0"), payload); // violations with JSON pointers
 * contracts.httpContract("user-service").orElseThrow()
 *          .checkResponse(HttpMethod.GET, "/users/42", 200, "application/json", body);
 *
 * SchemaDiff diff = SchemaDiff.between(v1, v2);       // every change, verdict per compatibility mode
 * VersionRule.defaults().check(contracts);             // minors compatible within a major
 * ContractChecks.of(catalog, contracts).validateService("user-service"); // the seed's contracts validate
 * }</pre>
 *
 * <p>The layout of {@code contracts/}, the finding codes, the compatibility rules and the workflows are documented in
 * {@code docs/contracts.md}.
 */
@NullMarked
package ai.openclaw.sdk.contract;

import org.jspecify.annotations.NullMarked;
