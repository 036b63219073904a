/**
 * The SDK's {@code openclaw.*} settings from the classpath, a file, environment variables and system properties
 * ({@link ai.openclaw.sdk.config.OpenClawSettings}), each value knowing where it came from, and the keys the SDK
 * reads ({@link ai.openclaw.sdk.config.SettingKeys}).
 *
 * <pre>{@code
 * OpenClawSettings settings = OpenClawSettings.load();
 * ServerKit kit = ServerKit.builder("user-service", contract).settings(settings).build();
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.config;

import org.jspecify.annotations.NullMarked;
