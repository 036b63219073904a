/**
 * Typed Java code from the contracts: records from event contracts and OpenAPI component schemas, handler interfaces
 * per subscribed event, typed client interfaces per HTTP provider. {@link ai.openclaw.sdk.codegen.JavaCodeGenerator}.
 */
@NullMarked
package ai.openclaw.sdk.codegen;

import org.jspecify.annotations.NullMarked;
