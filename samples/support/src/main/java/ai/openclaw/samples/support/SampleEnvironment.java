package ai.openclaw.samples.support;

import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.config.SettingKeys;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How a sample service gets its {@link ServiceRuntime}: from the samples' settings (catalog, contracts, resilience
 * policies), with what the process shares (transport, discovery, telemetry) given to every runtime alike.
 *
 * <pre>{@code
 * SampleEnvironment env = SampleEnvironment.of(Path.of("samples"), Map.of(), r -> r.transport(redis));
 * try (UserService users = UserService.start(env, 8080)) { ... }   // env.runtime("user-service")
 * }</pre>
 */
@FunctionalInterface
public interface SampleEnvironment {
    /** A new runtime for a service; the service closes it. */
    ServiceRuntime runtime(String service);

    /**
     * The samples' settings: {@code .openclaw/services.yaml}, {@code contracts/}, the policies of {@code
     * .openclaw/resilience.properties}, failing handlers tried twice in place, replies over events awaited 3 s; {@code
     * more} over them.
     */
    static OpenClawSettings settings(Path samples, Map<String, String> more) {
        return OpenClawSettings.builder()
                .file(samples.resolve(".openclaw/resilience.properties"))
                .map(
                        "the samples",
                        Map.of(
                                SettingKeys.CATALOG,
                                samples.resolve(".openclaw/services.yaml").toString(),
                                SettingKeys.CONTRACTS,
                                samples.resolve("contracts").toString(),
                                SettingKeys.EVENTS_HANDLER_ATTEMPTS,
                                "2",
                                SettingKeys.EVENTS_REPLY_TIMEOUT,
                                "3s"))
                .map("the caller", more)
                .build();
    }

    /** Every runtime built from {@link #settings}, then given what the process shares. */
    static SampleEnvironment of(Path samples, Map<String, String> more, UnaryOperator<ServiceRuntime.Builder> shared) {
        OpenClawSettings settings = settings(samples, more);
        return service ->
                shared.apply(ServiceRuntime.builder(service).settings(settings)).build();
    }
}
