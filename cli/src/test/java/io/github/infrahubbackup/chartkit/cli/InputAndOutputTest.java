package io.github.infrahubbackup.chartkit.cli;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the command line reads its input and writes its output: as Helm does, with plain messages and documented exit codes. */
class InputAndOutputTest {
    @TempDir
    Path folder;

    private final InputStream originalStdin = Main.stdin;

    @AfterEach
    void restoreStdin() {
        Main.stdin = originalStdin;
    }

    private static void assertNoTrace(CliTestSupport.Result result) {
        assertFalse(result.err().contains("Exception") || result.err().contains("\tat ") || result.err().contains("Error:"), result.err());
    }

    @Test
    void dashReadsValuesFromStandardInput() {
        Main.stdin = new ByteArrayInputStream("backup: {enabled: true, storage: {s3: {bucket: archives}}}\n".getBytes(StandardCharsets.UTF_8));
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "-f", "-", "--show-only", "templates/job-backup.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("            - name: INFRAHUB_S3_BUCKET\n              value: \"archives\"\n"), result.out());
    }

    @Test
    void problemsInStandardInputNameIt() {
        Main.stdin = new ByteArrayInputStream("backup: {enabled: maybe}\n".getBytes(StandardCharsets.UTF_8));
        CliTestSupport.Result result = CliTestSupport.run("validate", "-f", "-");
        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("<stdin>:1:"), result.err());
    }

    @Test
    void anEndlessInputFailsAtOnceWithoutATrace() {
        Main.stdin = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        CliTestSupport.Result result = CliTestSupport.run("validate", "-f", "-");
        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().contains("larger than"), result.err());
        assertNoTrace(result);
    }

    @Test
    void devZeroFailsAtOnceWithoutATrace() {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) {
            return;
        }
        CliTestSupport.Result result = CliTestSupport.run("validate", "-f", zero.toString());
        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().contains("/dev/zero:1:1: the file is larger than"), result.err());
        assertNoTrace(result);
    }

    @Test
    void unreadableInputExitsThreeAndSaysWhy() {
        CliTestSupport.Result directory = CliTestSupport.run("validate", "-f", folder.toString());
        assertEquals(3, directory.exitCode());
        assertEquals("error: " + folder + ": is a directory, not a values file: name a file in it\n", directory.err());

        CliTestSupport.Result empty = CliTestSupport.run("template", "-f", "");
        assertEquals(3, empty.exitCode());
        assertTrue(empty.err().contains("an empty file name"), empty.err());
        assertEquals("", empty.out());

        CliTestSupport.Result missing = CliTestSupport.run("template", "-f", folder.resolve("nope.yaml").toString());
        assertEquals(3, missing.exitCode());
        assertTrue(missing.err().contains("nope.yaml: no such file"), missing.err());
    }

    @Test
    void aFileNameStartingWithAtIsAFileNotAnArgumentFile() throws IOException {
        Path file = Files.writeString(folder.resolve("@values.yaml"), "rbac: {create: false}\n");
        Path argumentFile = Files.writeString(folder.resolve("values.yaml"), "--set\nrbac.create=nonsense\n");
        CliTestSupport.Result named = CliTestSupport.run("validate", "-f", file.toString());
        assertEquals(0, named.exitCode(), named.err());
        CliTestSupport.Result notExpanded = CliTestSupport.run("validate", "@" + argumentFile);
        assertEquals(2, notExpanded.exitCode(), "an @file is an argument like any other: " + notExpanded.err());
    }

    @Test
    void emptyNamespaceIsTheDefaultOneAsInHelm() {
        CliTestSupport.Result empty = CliTestSupport.run("template", "prod", "-n", "");
        CliTestSupport.Result defaulted = CliTestSupport.run("template", "prod");
        assertEquals(0, empty.exitCode(), empty.err());
        assertEquals(defaulted.out(), empty.out());
    }

    @Test
    void outputDirIsJoinedAsHelmJoinsIt() {
        String dir = folder.resolve("out").toString() + "/";
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "--output-dir", dir);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("wrote " + dir + "/infrahub-backup/templates/role.yaml\n"), result.out());
        assertTrue(Files.isRegularFile(Path.of(dir, "infrahub-backup/templates/role.yaml")));
    }

    @Test
    void outputDirWithDotDotIsUsedAsGiven() {
        String dir = folder.resolve("a").toString() + "/../b";
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "--output-dir", dir);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("wrote " + dir + "/infrahub-backup/templates/role.yaml\n"), result.out());
        assertTrue(Files.isRegularFile(folder.resolve("b/infrahub-backup/templates/role.yaml")));
    }

    @Test
    void anEmptyOutputDirPrintsAsHelmDoes() {
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "--output-dir", "");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(CliTestSupport.run("template", "prod").out(), result.out());
    }

    @Test
    void anUnwritableOutputDirIsNamedAsGiven() throws IOException {
        Path blocker = Files.writeString(folder.resolve("file"), "x");
        String dir = blocker + "/out";
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "--output-dir", dir);
        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: " + dir + ": cannot write the output folder ("), result.err());
        assertFalse(result.err().contains(".infrahub-backup-"), result.err());
        assertEquals("", result.out());
        assertNoTrace(result);
    }

    @Test
    void showOnlyUsesGoGlobRules() {
        CliTestSupport.Result star = CliTestSupport.run("template", "prod", "--show-only", "templates/role*.yaml");
        assertEquals(0, star.exitCode(), star.err());
        assertEquals(2, star.out().split("(?m)^# Source: ").length - 1, "role.yaml and rolebinding.yaml: " + star.out());

        CliTestSupport.Result negated = CliTestSupport.run("template", "prod", "--show-only", "templates/[^r]*.yaml");
        assertEquals(0, negated.exitCode(), negated.err());
        assertTrue(negated.out().contains("# Source: infrahub-backup/templates/serviceaccount.yaml") && !negated.out().contains("role"), negated.out());

        CliTestSupport.Result crossing = CliTestSupport.run("template", "prod", "--show-only", "*");
        assertEquals(2, crossing.exitCode(), "* does not cross /: " + crossing.out());

        CliTestSupport.Result braces = CliTestSupport.run("template", "prod", "--show-only", "templates/{role,rolebinding}.yaml");
        assertEquals(2, braces.exitCode(), "no {a,b} in Go: " + braces.out());
    }

    @Test
    void anUnknownShowOnlyListsTheTemplates() {
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "--show-only", "templates/roles.yaml");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("could not find template templates/roles.yaml in chart; the templates that render objects with these values are "
                + "templates/serviceaccount.yaml, templates/role.yaml, templates/rolebinding.yaml"), result.err());
    }

    @Test
    void setMessagesDoNotMentionQuotesNobodyWrote() {
        CliTestSupport.Result set = CliTestSupport.run("validate", "--set", "backup.enabled=yes");
        assertEquals(1, set.exitCode());
        assertFalse(set.err().contains("remove the quotes"), set.err());
        assertTrue(set.err().contains("--set reads only true and false as booleans"), set.err());

        CliTestSupport.Result setString = CliTestSupport.run("validate", "--set-string", "backup.enabled=true");
        assertEquals(1, setString.exitCode());
        assertTrue(setString.err().contains("--set-string makes every value a string: use --set"), setString.err());
    }

    @Test
    void aKeyMissingFromAFileIsNotBlamedOnAnUnrelatedSet() throws IOException {
        Path file = Files.writeString(folder.resolve("restore.yaml"), "restore:\n  enabled: true\n  storage:\n    s3:\n      key: a.tar.gz\n");
        CliTestSupport.Result result = CliTestSupport.run("validate", "-f", file.toString(), "--set", "rbac.create=true");
        assertEquals(1, result.exitCode());
        assertFalse(result.err().contains("--set"), result.err());
        assertTrue(result.err().startsWith(file + ":"), result.err());
    }

    /** Helm sees the bytes of its arguments; a JVM started with LANG=C would see "?" and could not open the file. */
    @Test
    void nonAsciiArgumentsAndFileNamesWorkWithoutAUtf8Locale() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/cmdline")) && Files.exists(Path.of("/bin/sh")));
        String script = "f=\"$DIR/$(printf 'values-\\303\\251.yaml')\"\n"
                + "printf 'backup: {enabled: true, storage: {s3: {bucket: a}}}\\n' > \"$f\"\n"
                + "exec \"$JAVA\" -cp \"$CP\" " + Main.class.getName() + " template -f \"$f\" -n \"$(printf 'n\\303\\261')\" "
                + "--set \"podAnnotations.x=$(printf 'h\\303\\251llo')\" --show-only templates/job-backup.yaml\n";
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("DIR", folder.toString());
        builder.environment().put("JAVA", ProcessHandle.current().info().command().orElseThrow());
        builder.environment().put("CP", System.getProperty("java.class.path"));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertEquals(0, process.waitFor(), new String(err, StandardCharsets.UTF_8));
        String printed = new String(out, StandardCharsets.UTF_8);
        assertTrue(printed.contains("        x: h\u00e9llo\n"), printed);
        // The bucket comes from the file whose name is not ASCII: the file was found and read.
        assertTrue(printed.contains("            - name: INFRAHUB_S3_BUCKET\n              value: \"a\"\n"), printed);
    }

    @Test
    void aCauseIsListedBeforeItsKnockOn() throws IOException {
        Path file = Files.writeString(folder.resolve("typo.yaml"), "backup:\n  enabled: true\n  storage:\n    s3:\n      bucklet: x\n");
        CliTestSupport.Result result = CliTestSupport.run("validate", "-f", file.toString());
        assertEquals(1, result.exitCode());
        String[] lines = result.err().split("\n");
        assertEquals(2, lines.length, result.err());
        assertTrue(lines[0].contains("unknown key \"bucklet\"") && lines[0].contains("did you mean bucket?"), result.err());
        assertTrue(lines[1].contains("backup.storage.s3.bucket: required when backup.storage.type is s3"), result.err());
    }

    @Test
    void exitCodesAreDocumented() throws IOException {
        String readme = Files.readString(ProjectFolder.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("3 a values file or standard input cannot be read"), "README documents exit code 3");
        try (Stream<String> lines = readme.lines()) {
            assertTrue(lines.anyMatch(line -> line.contains("0 done, 1 invalid values, 2 usage error")));
        }
    }
}
