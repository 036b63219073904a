package ai.openclaw.sdk.spring.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults, below everything the application sets: Actuator's liveness and readiness groups exist and hold the SDK's
 * indicators beside Spring's own availability states. An application that sets a group's {@code include} itself
 * names {@code openclawLiveness} / {@code openclawReadiness} there when it wants them.
 */
public final class OpenClawEnvironmentPostProcessor implements EnvironmentPostProcessor {
    /** The name of the property source added. */
    public static final String SOURCE = "openclaw-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("false".equalsIgnoreCase(environment.getProperty("openclaw.enabled"))) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.group.liveness.include", "livenessState,openclawLiveness");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,openclawReadiness");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
