package ai.openclaw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The docs say what the command line does: every {@code $ openclaw ...} example in README.md and docs/*.md runs, with
 * the packaged jar, in a fresh copy of samples/ (where the docs say to run them, beside docs/examples/), and prints
 * what the docs show.
 * An expected line ending in {@code ...} is a prefix; {@code ; echo $?} appends the exit code.
 */
class DocsExamplesIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("bin").resolve("openclaw");
    private static final Path JAR = Path.of("target", "openclaw.jar").toAbsolutePath();

    private record Example(String command, List<String> expected) {}

    @TestFactory
    Stream<DynamicTest> everyExampleInTheDocsPrintsWhatTheDocsShow() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : docs) {
            List<Example> examples = examples(Files.readAllLines(doc, StandardCharsets.UTF_8));
            if (!examples.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(ROOT.relativize(doc).toString(), () -> run(examples)));
            }
        }
        assertThat(tests).as("the docs hold examples").isNotEmpty();
        return tests.stream();
    }

    /** The examples of a document: fenced blocks whose lines start with {@code $ openclaw}, with their output. */
    static List<Example> examples(List<String> lines) {
        List<Example> out = new ArrayList<>();
        boolean inBlock = false;
        String command = null;
        List<String> expected = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("```")) {
                if (command != null) {
                    out.add(new Example(command, List.copyOf(expected)));
                }
                command = null;
                expected.clear();
                inBlock = !inBlock;
            } else if (inBlock && line.startsWith("$ openclaw ")) {
                if (command != null) {
                    out.add(new Example(command, List.copyOf(expected)));
                }
                command = line.substring(2);
                expected.clear();
            } else if (inBlock && command != null) {
                expected.add(line);
            }
        }
        return out;
    }

    private void run(List<Example> examples) throws Exception {
        Path copy = Files.createTempDirectory("openclaw-docs-");
        Path samples = copy.resolve("samples");
        try {
            copy(ROOT.resolve("samples").resolve(".openclaw"), samples.resolve(".openclaw"));
            copy(ROOT.resolve("samples").resolve("contracts"), samples.resolve("contracts"));
            copy(ROOT.resolve("docs").resolve("examples"), copy.resolve("docs").resolve("examples"));
            for (Example example : examples) {
                List<String> actual = run(example.command(), samples);
                assertThat(actual)
                        .as("lines printed by: $ " + example.command())
                        .hasSameSizeAs(example.expected());
                for (int i = 0; i < actual.size(); i++) {
                    String want = example.expected().get(i);
                    String as = "line " + (i + 1) + " of: $ " + example.command() + "\n" + String.join("\n", actual);
                    if (want.endsWith("...")) {
                        assertThat(actual.get(i)).as(as).startsWith(want.substring(0, want.length() - 3));
                    } else {
                        assertThat(actual.get(i)).as(as).isEqualTo(want);
                    }
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Runs one documented command line; its standard output and error, interleaved as a terminal shows them. */
    private static List<String> run(String commandLine, Path directory) throws Exception {
        boolean echoExit = commandLine.endsWith("; echo $?");
        String command = echoExit ? commandLine.substring(0, commandLine.length() - "; echo $?".length()) : commandLine;
        List<String> args = new ArrayList<>(List.of(SCRIPT.toString()));
        args.addAll(Arrays.asList(command.substring("openclaw ".length()).trim().split("\\s+")));
        Path output = Files.createTempFile("openclaw-docs", ".out");
        ProcessBuilder pb =
                new ProcessBuilder(args).directory(directory.toFile()).redirectErrorStream(true);
        pb.environment().put("OPENCLAW_JAR", JAR.toString());
        pb.environment().put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        Process p = pb.redirectOutput(output.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as(commandLine + " finished")
                .isTrue();
        List<String> lines = new ArrayList<>(Files.readAllLines(output, StandardCharsets.UTF_8));
        Files.delete(output);
        if (echoExit) {
            lines.add(String.valueOf(p.exitValue()));
        }
        return lines;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
