package io.github.infrahubbackup.chartkit.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GoPrintTable} says what real Helm's quote prints as it is and what it escapes, for every
 * code point {@link GoPrintTableSource} asks about: Go's Unicode tables are newer than Java 17's
 * Character (characters of Unicode 14 and 15), so the library carries Go's own answer. The
 * committed source is exactly what GoPrintTableSource writes from Helm's answer.
 */
@Tag("helm")
class GoPrintTableHelmTest {
    @TempDir
    Path work;

    @Test
    void goPrintTableSaysWhatHelmsQuotePrints() throws IOException {
        GoPrintTableSource.Answer helm = GoPrintTableSource.askHelm(work);
        List<String> differences = new ArrayList<>();
        for (int cp = helm.tested().nextSetBit(0); cp >= 0; cp = helm.tested().nextSetBit(cp + 1)) {
            if (GoPrintTable.isPrint(cp) != helm.printable().get(cp)) {
                differences.add(String.format("U+%04X (Helm %s)", cp, helm.printable().get(cp) ? "prints it" : "escapes it"));
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(40, differences.size())),
                differences.size() + " code points differ; regenerate with GoPrintTableSource (see its comment) and review the diff");
        assertEquals(GoPrintTableSource.javaSource(helm.printable()),
                Files.readString(ProjectFolder.ROOT.resolve(GoPrintTableSource.FILE), StandardCharsets.UTF_8),
                GoPrintTableSource.FILE + " is not what GoPrintTableSource writes");
    }
}
