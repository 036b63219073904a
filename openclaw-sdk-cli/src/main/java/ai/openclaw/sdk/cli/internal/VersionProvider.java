package ai.openclaw.sdk.cli.internal;

import picocli.CommandLine;

/** The version from the jar's manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"openclaw " + (v == null ? "(development build)" : v)};
    }
}
