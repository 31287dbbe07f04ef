package io.github.infrahubbackup.chartkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values files built to exhaust a YAML reader fail at once with a clear message and exit code 1:
 * never an OutOfMemoryError, a StackOverflowError or a stack trace. How long each takes is
 * reported by {@code HostileInputTimings} in the notes, not asserted here.
 */
@Tag("slow")
class HostileInputTest {
    @TempDir
    Path folder;

    static void assertCleanRefusal(CliTestSupport.Result result, String fragment) {
        assertEquals(1, result.exitCode(), result.err());
        assertEquals("", result.out());
        assertTrue(result.err().contains(fragment), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
        assertFalse(result.err().contains("Error:"), result.err());
    }

    /** Nine levels of nine aliases each: a billion strings once expanded. */
    static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            char previous = (char) (level - 1);
            yaml.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
        }
        return yaml.append("podAnnotations: {bomb: *i}\n").toString();
    }

    /** A value nested 200,000 lists deep. */
    static String deepNesting() {
        int depth = 200_000;
        return "affinity: {x: " + "[".repeat(depth) + "]".repeat(depth) + "}\n";
    }

    /** A 40 MB values file. */
    static Path hugeFile(Path folder) throws IOException {
        Path file = folder.resolve("huge.yaml");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("podAnnotations:\n");
            String line = "  note-%08d: \"" + "x".repeat(60) + "\"\n";
            for (int i = 0; out != null && i < 40 * 1024 * 1024 / 80; i++) {
                out.write(String.format(line, i));
            }
        }
        return file;
    }

    @Test
    void billionLaughsIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("laughs.yaml"), billionLaughs());
        assertCleanRefusal(CliTestSupport.run("template", "-f", file.toString()), "aliases");
        assertCleanRefusal(CliTestSupport.run("validate", "-f", file.toString()), "aliases");
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        Path file = Files.writeString(folder.resolve("deep.yaml"), deepNesting());
        assertCleanRefusal(CliTestSupport.run("template", "-f", file.toString()), "nested deeper than");
    }

    @Test
    void aFortyMegabyteFileIsRefused() throws IOException {
        Path file = hugeFile(folder);
        assertTrue(Files.size(file) > 40_000_000L);
        assertCleanRefusal(CliTestSupport.run("template", "-f", file.toString()), "larger than");
    }

    @Test
    void aFileJustUnderTheByteCheckButOverTheCharacterLimitIsRefusedToo() throws IOException {
        Path file = Files.writeString(folder.resolve("wide.yaml"), "x: \"" + "é".repeat(io.github.infrahubbackup.chartkit.engine.values.ReadLimits.MAX_CODE_POINTS + 100_000) + "\"\n");
        assertCleanRefusal(CliTestSupport.run("validate", "-f", file.toString()), "larger than");
    }
}
