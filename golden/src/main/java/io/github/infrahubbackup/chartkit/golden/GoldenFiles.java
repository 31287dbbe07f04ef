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
        try {
            Approvals.verify(actual, new Options().withReporter(SILENT).forFile().withNamer(new Namer(golden)));
        } catch (Error failedApproval) {
            // ApprovalTests reports a mismatch, after writing the received file, with a plain Error; anything else is not ours to describe.
            if (failedApproval.getClass() != Error.class) {
                throw failedApproval;
            }
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            AssertionFailedError mismatch = new AssertionFailedError(describeMismatch(scenario, golden, expected, actual), expected, actual);
            mismatch.addSuppressed(failedApproval);
            throw mismatch;
        }
    }

    /** The first differing line, the document it is in, and how to approve. */
    static String describeMismatch(Scenario scenario, Path golden, String expected, String actual) {
        FirstDifference difference = FirstDifference.between(expected, actual);
        return scenario.file() + " no longer renders to " + golden + "\n"
                + "first difference at line " + difference.line() + ", in " + difference.source() + ":\n"
                + difference.context()
                + "the new output is in " + receivedFile(golden) + "; if the change is intended, run with -D"
                + APPROVE_PROPERTY + "=true and review the golden file's diff";
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
