package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.internal.Secrets;
import ai.openclaw.sdk.pact.PactBroker;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Where the Pact Broker is and how to authenticate: options, else the Pact tools' usual environment variables. */
public final class BrokerOptions {
    @Option(
            names = "--broker-url",
            paramLabel = "URL",
            defaultValue = "${env:PACT_BROKER_BASE_URL}",
            description = "The Pact Broker's base URL. Default: $PACT_BROKER_BASE_URL.")
    @Nullable
    String url;

    @Option(
            names = "--broker-token",
            paramLabel = "TOKEN",
            defaultValue = "${env:PACT_BROKER_TOKEN}",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "A bearer token. Default: $PACT_BROKER_TOKEN. Prefer the variable: options show in ps.")
    @Nullable
    String token;

    @Option(
            names = "--broker-username",
            paramLabel = "USER",
            defaultValue = "${env:PACT_BROKER_USERNAME}",
            description = "For basic authentication. Default: $PACT_BROKER_USERNAME.")
    @Nullable
    String username;

    @Option(
            names = "--broker-password",
            paramLabel = "PASSWORD",
            defaultValue = "${env:PACT_BROKER_PASSWORD}",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "For basic authentication. Default: $PACT_BROKER_PASSWORD.")
    @Nullable
    String password;

    PactBroker broker() {
        if (url == null || url.isBlank()) {
            throw new CliException(ExitCode.USAGE, "no Pact Broker: give --broker-url or set PACT_BROKER_BASE_URL");
        }
        URI base;
        try {
            base = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--broker-url is not a URL: " + Secrets.redactUrl(url));
        }
        try {
            PactBroker.Builder b = PactBroker.builder(base);
            if (token != null && !token.isBlank()) {
                b.bearerToken(token);
            } else if (username != null && !username.isBlank()) {
                b.basicAuth(username, password == null ? "" : password);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, Secrets.redact(e.getMessage()));
        }
    }
}
