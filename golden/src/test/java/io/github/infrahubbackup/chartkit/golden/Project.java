package io.github.infrahubbackup.chartkit.golden;

import java.nio.file.Files;
import java.nio.file.Path;

/** Folders of the project the tests read. */
final class Project {
    static final Path ROOT = root();
    static final Path CHART = ROOT.resolve("templates/chart");
    static final Path SCENARIOS = ROOT.resolve("examples/scenarios");
    static final Path INVALID = ROOT.resolve("examples/invalid");
    static final Path GOLDEN = ROOT.resolve("golden");
    static final Path UMBRELLA = ROOT.resolve("examples/umbrella");

    private Project() {
    }

    private static Path root() {
        String configured = System.getProperty("project.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("templates/chart")) && Files.isDirectory(dir.resolve("golden"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root above " + start);
    }
}
