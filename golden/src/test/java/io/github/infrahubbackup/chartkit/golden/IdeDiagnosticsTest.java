package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.infrahubbackup.chartkit.golden.YamlLanguageServer.Diagnostic;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * What an editor shows: the real YAML language server (npm {@code yaml-language-server}, VS Code's
 * YAML engine, pinned by package-lock.json) reads every example values file through the schema its
 * {@code # yaml-language-server: $schema=...} modeline names. Valid scenarios get no error or warning;
 * each invalid file gets at least one whose range takes in the line its {@code # line:} header names
 * (an error about a whole mapping is underlined from its first key to its end), unless its header
 * says {@code # ide: none} (an error only the merged values or the Java validator can see), in which
 * case its test is skipped under a name that says why.
 */
@Tag("slow")
class IdeDiagnosticsTest {
    private static final String MODELINE = "# yaml-language-server: $schema=../../schema/values.schema.json";
    /** Values of an umbrella chart (a file with a "# parent:" line) use the umbrella's schema, which nests ours. */
    private static final String UMBRELLA_MODELINE = "# yaml-language-server: $schema=../umbrella/umbrella-values.schema.json";

    private static YamlLanguageServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = YamlLanguageServer.start(ProjectFolder.ROOT);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> scenarioFilesHaveNoProblems() {
        List<Path> files = yamlFiles(ProjectFolder.SCENARIOS);
        assertFalse(files.isEmpty(), "no values files in " + ProjectFolder.SCENARIOS);
        Map<Path, List<Diagnostic>> diagnostics = server.diagnose(files);
        return files.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            assertStartsWithModeline(file);
            List<Diagnostic> problems = diagnostics.get(file).stream().filter(Diagnostic::isProblem).toList();
            assertTrue(problems.isEmpty(), () -> "yaml-language-server " + server.version() + " flags "
                    + ProjectFolder.ROOT.relativize(file) + ":" + describe(problems));
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidFilesHaveAProblemOnTheExpectedLine() {
        List<Header> headers = yamlFiles(ProjectFolder.INVALID).stream().map(Header::of).toList();
        Map<Path, List<Diagnostic>> diagnostics = server.diagnose(headers.stream().map(Header::file).toList());
        return headers.stream().map(header -> {
            String name = header.file().getFileName().toString();
            if (header.ideNone()) {
                // "# ide: none" says an editor cannot see this mistake: hold the header to it, rather than skip the file.
                String reason = header.skipReason();
                return dynamicTest(name + " (ide: none: " + reason + ")", () -> {
                    List<Diagnostic> problems = diagnostics.get(header.file()).stream().filter(Diagnostic::isProblem).toList();
                    assertTrue(problems.isEmpty(), () -> "yaml-language-server " + server.version() + " does flag "
                            + ProjectFolder.ROOT.relativize(header.file()) + ", marked '# ide: none':" + describe(problems)
                            + "\nGive it a '# line:' header instead.");
                });
            }
            return dynamicTest(name + " (line " + (header.lineText() == null ? "?" : header.lineText()) + ")", () -> {
                assertStartsWithModeline(header.file());
                header.assertIdeUnderstood();
                int line = header.line();
                List<Diagnostic> problems = diagnostics.get(header.file()).stream().filter(Diagnostic::isProblem).toList();
                assertTrue(problems.stream().anyMatch(d -> d.covers(line)),
                        () -> "yaml-language-server " + server.version() + " reports no error on line " + line
                                + " of " + ProjectFolder.ROOT.relativize(header.file())
                                + (header.expect().isEmpty() ? "" : " (expected: " + String.join("; ", header.expect()) + ")")
                                + "; it reports:" + describe(problems)
                                + "\nMake the schema and the '# line:' header agree on where this error is, or mark the file"
                                + " '# ide: none <reason>' if an editor cannot see it (only the merged values break the rule, say).");
            });
        });
    }

    private static String describe(List<Diagnostic> diagnostics) {
        return diagnostics.isEmpty() ? " nothing"
                : diagnostics.stream().map(d -> "\n  " + d).collect(Collectors.joining());
    }

    private static void assertStartsWithModeline(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean umbrella = lines.stream().takeWhile(line -> line.startsWith("#")).anyMatch(line -> line.startsWith("# parent:"));
        assertEquals(umbrella ? UMBRELLA_MODELINE : MODELINE, lines.isEmpty() ? "" : lines.get(0).strip(),
                "the first line of " + file.getFileName() + " (the schema the IDE uses)");
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The comment lines at the top of an invalid values file: {@code # expect: <message fragment>}
     * (one or more), {@code # line: <N>} (1-based), and optionally {@code # ide: none <reason>}.
     */
    private record Header(Path file, List<String> expect, String lineText, String ide) {
        private static final Pattern FIELD = Pattern.compile("#\\s*(expect|line|ide)\\s*:\\s*(.*?)\\s*");
        private static final Pattern IDE_NONE = Pattern.compile("(?i)none\\b[\\s:;,.(\u2014\u2013-]*(.*?)[\\s)]*");

        static Header of(Path file) {
            List<String> expect = new ArrayList<>();
            String line = null;
            String ide = null;
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (String text : lines) {
                String stripped = text.strip();
                if (stripped.isEmpty()) {
                    continue;
                }
                if (!stripped.startsWith("#")) {
                    break; // the header is the leading block of comments
                }
                Matcher field = FIELD.matcher(stripped);
                if (field.matches()) {
                    switch (field.group(1)) {
                        case "expect" -> expect.add(field.group(2));
                        case "line" -> line = field.group(2);
                        default -> ide = field.group(2);
                    }
                }
            }
            return new Header(file, List.copyOf(expect), line, ide);
        }

        boolean ideNone() {
            return ide != null && IDE_NONE.matcher(ide).matches();
        }

        /** The reason written after {@code none}, else what the file expects the other validators to say. */
        String skipReason() {
            Matcher none = IDE_NONE.matcher(ide);
            String written = none.matches() ? none.group(1) : "";
            if (!written.isEmpty()) {
                return written;
            }
            return "the IDE cannot see this error" + (expect.isEmpty() ? "" : " (" + String.join("; ", expect) + ")");
        }

        void assertIdeUnderstood() {
            if (ide != null && !ideNone()) {
                fail(file.getFileName() + ": '# ide: " + ide + "' is not understood; the one value is 'none',"
                        + " optionally followed by the reason");
            }
        }

        int line() {
            if (lineText == null) {
                return fail(file.getFileName() + " has no '# line: <N>' header (the 1-based line of the error)");
            }
            int n;
            try {
                n = Integer.parseInt(lineText);
            } catch (NumberFormatException e) {
                return fail(file.getFileName() + ": '# line: " + lineText + "' is not a line number");
            }
            assertTrue(n >= 1, () -> file.getFileName() + ": '# line: " + lineText + "' is not a 1-based line number");
            return n;
        }
    }
}
