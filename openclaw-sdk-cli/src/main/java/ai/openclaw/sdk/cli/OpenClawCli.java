package ai.openclaw.sdk.cli;

import ai.openclaw.sdk.cli.internal.CatalogCommand;
import ai.openclaw.sdk.cli.internal.CliException;
import ai.openclaw.sdk.cli.internal.ContractsCommand;
import ai.openclaw.sdk.cli.internal.DeployCommand;
import ai.openclaw.sdk.cli.internal.EventsCommand;
import ai.openclaw.sdk.cli.internal.ExitCode;
import ai.openclaw.sdk.cli.internal.GatewayCommand;
import ai.openclaw.sdk.cli.internal.GenerateCommand;
import ai.openclaw.sdk.cli.internal.PactsCommand;
import ai.openclaw.sdk.cli.internal.VersionProvider;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code openclaw} command line.
 *
 * <pre>{@code
 * $ openclaw catalog dependents user-service
 * billing-service  (events: user.created, user.deleted)
 * }</pre>
 *
 * <p>Exit codes: 0 when the command did what was asked; 1 when it found problems at error level (a catalog with
 * errors, an answer that does not exist); 2 for bad usage or input that cannot be read; 3 for an internal error. Errors
 * go to standard error as one message, never a stack trace.
 *
 * <p>Embedding: {@link #execute} runs a command line and returns its exit code without exiting the JVM.
 */
@Command(
        name = "openclaw",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Questions and checks for an OpenClaw microservice system.",
        subcommands = {
            CatalogCommand.class,
            ContractsCommand.class,
            DeployCommand.class,
            EventsCommand.class,
            GatewayCommand.class,
            GenerateCommand.class,
            PactsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class OpenClawCli {
    private OpenClawCli() {}

    /**
     * Runs {@code openclaw} and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(args, out, err));
    }

    /**
     * Runs a command line.
     *
     * @param args the arguments, without the program name
     * @param out where results go
     * @param err where errors and warnings go
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new OpenClawCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException c) {
                if (!c.getMessage().isEmpty()) {
                    commandLine.getErr().println("openclaw: " + c.getMessage());
                }
                return c.exitCode();
            }
            commandLine.getErr().println("openclaw: internal error: " + e);
            return ExitCode.INTERNAL;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("openclaw: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
