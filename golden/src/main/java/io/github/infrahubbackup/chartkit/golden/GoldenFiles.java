package io.github.infrahubbackup.chartkit.golden;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.InvalidValuesException;
import io.github.infrahubbackup.chartkit.Release;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.core.Options;
import org.approvaltests.namer.ApprovalNamer;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Holds a folder of values files to a folder of golden files: one JUnit 5 dynamic test per values
 * file, which renders it and requires exactly the text of {@code <golden folder>/<name>.yaml}.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> golden() {
 *     return GoldenFiles.of(Path.of("values"), Path.of("golden")).tests();
 * }
 * }</pre>
 *
 * <p>A values file without a golden file fails. Run with {@code -Dgolden.approve=true} to write or
 * refresh the golden files instead, then read their diff before committing them. A mismatch leaves
 * {@code <name>.received.yaml} beside the golden file and names the first differing line and the
 * {@code # Source:} document it is in. Immutable.
 */
public final class GoldenFiles {
    /** The system property that turns failures into (re)written golden files. */
    public static final String APPROVE_PROPERTY = "golden.approve";
    /**
     * Leaves the received file and says nothing: the failure message below names it. (ApprovalTests'
     * QuietReporter prints an {@code mv -f received approved} line that reads like an overwrite.)
     */
    private static final ApprovalFailureReporter SILENT = (received, approved) -> true;

    private final Path valuesFolder;
    private final Path goldenFolder;
    private final Release release;

    private GoldenFiles(Path valuesFolder, Path goldenFolder, Release release) {
        this.valuesFolder = valuesFolder;
        this.goldenFolder = goldenFolder;
        this.release = release;
    }

    /** Values files in {@code valuesFolder} ({@code *.yaml}), golden files in {@code goldenFolder}; release {@code prod} in {@code infrahub}. */
    public static GoldenFiles of(Path valuesFolder, Path goldenFolder) {
        return new GoldenFiles(Objects.requireNonNull(valuesFolder, "valuesFolder"),
                Objects.requireNonNull(goldenFolder, "goldenFolder"), Release.named("prod").in("infrahub"));
    }

    /** The release every file of the folder renders with, unless the file says otherwise. */
    public GoldenFiles release(Release defaultRelease) {
        return new GoldenFiles(valuesFolder, goldenFolder, Objects.requireNonNull(defaultRelease, "defaultRelease"));
    }

    /** The scenarios of the folder, by file name. */
    public List<Scenario> scenarios() {
        if (!Files.isDirectory(valuesFolder)) {
            throw new IllegalArgumentException("values folder " + valuesFolder.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> files = Files.list(valuesFolder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .map(file -> Scenario.read(file, release))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One test per values file. */
    public Stream<DynamicTest> tests() {
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        return scenarios().stream().map(scenario ->
                DynamicTest.dynamicTest(scenario.name(), scenario.file().toUri(), () -> verify(chart, scenario)));
    }

    /** The golden file of a scenario. */
    public Path goldenFile(Scenario scenario) {
        return goldenFolder.resolve(scenario.name() + ".yaml");
    }

    private void verify(InfrahubBackupChart chart, Scenario scenario) throws IOException {
        String actual;
        try {
            actual = scenario.render(chart).yaml();
        } catch (InvalidValuesException e) {
            throw new AssertionFailedError(scenario.file() + " has invalid values:\n" + e.validation());
        }
        Path golden = goldenFile(scenario);
        if (Boolean.getBoolean(APPROVE_PROPERTY)) {
            Files.createDirectories(golden.toAbsolutePath().getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            throw new AssertionFailedError("no golden file " + golden + " for " + scenario.file()
                    + ": run the tests with -D" + APPROVE_PROPERTY + "=true to write it, then review it before committing");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        try {
            Approvals.verify(actual, new Options().withReporter(SILENT).forFile().withNamer(new Namer(golden)));
        } catch (Throwable mismatch) {
            throw new AssertionFailedError(describeMismatch(scenario, golden, expected, actual), expected, actual);
        }
        if (!expected.equals(actual)) {
            throw new AssertionFailedError(describeMismatch(scenario, golden, expected, actual), expected, actual);
        }
    }

    /** The first differing line, the document it is in, and how to approve. */
    static String describeMismatch(Scenario scenario, Path golden, String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        int line = 0;
        while (line < want.length && line < got.length && want[line].equals(got[line])) {
            line++;
        }
        String source = "(before the first document)";
        for (int i = Math.min(line, got.length - 1); i >= 0; i--) {
            if (got[i].startsWith("# Source: ")) {
                source = got[i].substring("# Source: ".length());
                break;
            }
        }
        StringBuilder text = new StringBuilder()
                .append(scenario.file()).append(" no longer renders to ").append(golden).append('\n')
                .append("first difference at line ").append(line + 1).append(", in ").append(source).append(":\n");
        for (int i = Math.max(0, line - 2); i <= line + 2; i++) {
            String expectedLine = i < want.length ? want[i] : "<end of file>";
            String actualLine = i < got.length ? got[i] : "<end of file>";
            text.append(String.format("%5d %s %s%n", i + 1, expectedLine.equals(actualLine) ? " " : "-", expectedLine));
            if (!expectedLine.equals(actualLine)) {
                text.append(String.format("%5d + %s%n", i + 1, actualLine));
            }
        }
        return text.append("the new output is in ").append(receivedFile(golden)).append("; if the change is intended, run with -D")
                .append(APPROVE_PROPERTY).append("=true and review the golden file's diff").toString();
    }

    private static Path receivedFile(Path golden) {
        String name = golden.getFileName().toString();
        return golden.resolveSibling(name.substring(0, name.length() - ".yaml".length()) + ".received.yaml");
    }

    /** Names the approved file {@code <name>.yaml} in the golden folder and the received one beside it. */
    private static final class Namer implements ApprovalNamer {
        private final Path golden;
        private String additional = "";

        Namer(Path golden) {
            this.golden = golden;
        }

        @Override
        public File getApprovedFile(String extensionWithDot) {
            return golden.toFile();
        }

        @Override
        public File getReceivedFile(String extensionWithDot) {
            return receivedFile(golden).toFile();
        }

        @Override
        public ApprovalNamer addAdditionalInformation(String info) {
            additional = info;
            return this;
        }

        @Override
        public String getAdditionalInformation() {
            return additional;
        }

        @Override
        public String getApprovalName() {
            String name = golden.getFileName().toString();
            return name.substring(0, name.length() - ".yaml".length());
        }

        @Override
        public String getSourceFilePath() {
            return golden.toAbsolutePath().getParent() + File.separator;
        }
    }
}
