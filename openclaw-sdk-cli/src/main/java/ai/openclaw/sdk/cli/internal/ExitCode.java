package ai.openclaw.sdk.cli.internal;

/** The command line's exit codes, documented in docs/cli.md. */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Problems at error level were found. */
    public static final int FINDINGS = 1;
    /** Bad usage, or input that cannot be read. */
    public static final int USAGE = 2;
    /** A bug in the command line. */
    public static final int INTERNAL = 3;
    /** A canary verdict of HOLD: not enough seen yet, look again later. */
    public static final int HOLD = 4;

    private ExitCode() {}
}
