/**
 * The {@code openclaw} command line: catalog questions, contract validation and deployment plans for an OpenClaw
 * system. {@link ai.openclaw.sdk.cli.OpenClawCli} is the entry point; {@code docs/cli.md} documents every command, its
 * JSON output and its exit codes.
 *
 * <pre>{@code
 * int exit = OpenClawCli.execute(new String[] {"catalog", "owner", "billing-service"}, out, err);
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.cli;

import org.jspecify.annotations.NullMarked;
