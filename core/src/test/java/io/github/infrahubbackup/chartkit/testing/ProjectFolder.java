package io.github.infrahubbackup.chartkit.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders of this repository that tests (and the benchmarks) read. The root is
 * {@code -Dproject.root} when given, else the first folder from the working directory up that holds
 * both {@code templates/chart} and {@code schema}: Maven runs each module's tests in the module's
 * folder, an IDE often in the repository's.
 */
public final class ProjectFolder {
    public static final Path ROOT = root();
    /** The Helm chart. */
    public static final Path CHART = ROOT.resolve("templates/chart");
    /** The Pebble twins of the chart's templates. */
    public static final Path PEBBLE = ROOT.resolve("templates/pebble");
    /** The values schema; the chart holds a byte-identical copy. */
    public static final Path SCHEMA = ROOT.resolve("schema/values.schema.json");
    public static final Path SCENARIOS = ROOT.resolve("examples/scenarios");
    public static final Path INVALID = ROOT.resolve("examples/invalid");
    public static final Path UMBRELLA = ROOT.resolve("examples/umbrella");
    public static final Path GOLDEN = ROOT.resolve("golden");

    private ProjectFolder() {
    }

    private static Path root() {
        String configured = System.getProperty("project.root");
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!isRoot(root)) {
                throw new IllegalStateException("-Dproject.root=" + configured + " holds no templates/chart and schema");
            }
            return root;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root (a folder with templates/chart and schema) from "
                + start + " up; run from the repository or pass -Dproject.root=DIR");
    }

    private static boolean isRoot(Path dir) {
        return Files.isDirectory(dir.resolve("templates/chart")) && Files.isDirectory(dir.resolve("schema"));
    }
}
