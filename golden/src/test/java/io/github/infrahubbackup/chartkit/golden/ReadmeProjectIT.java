package io.github.infrahubbackup.chartkit.golden;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in your build" is a project that builds: its {@code <!-- file: PATH -->}
 * blocks are written out as a fresh project and built by Maven, as a new user would, against the
 * core and golden jars this build just packaged. The project's own Maven repository is private
 * (under {@code golden/target}); third-party artifacts come from this build's local repository, or
 * from Maven Central if missing there. Fails if the project does not compile, a test fails, or no
 * test runs.
 */
class ReadmeProjectIT {
    private static final Pattern FILE_BLOCK = Pattern.compile("<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```\\n", Pattern.DOTALL);
    private static final Pattern TESTS_RUN = Pattern.compile("<testsuite [^>]*?tests=\"(\\d+)\"");
    private static final String GROUP = "io/github/infrahubbackup";

    private final Path work = ProjectFolder.ROOT.resolve("golden/target/readme-project");
    private final Path project = work.resolve("project");
    private final Path repository = work.resolve("repository");

    @Test
    void theReadmeProjectBuildsAndItsGoldenTestRuns() throws Exception {
        Map<String, String> files = readmeFiles();
        assertTrue(files.containsKey("pom.xml"), "the README has a <!-- file: pom.xml --> block: " + files.keySet());
        assertTrue(files.keySet().stream().anyMatch(f -> f.startsWith("src/test/java/")), "the README has a test class: " + files.keySet());
        assertTrue(files.getOrDefault(".gitignore", "").lines().anyMatch("*.received.*"::equals),
                "the README's .gitignore keeps the golden harness's *.received.* files out of git");

        deleteRecursively(work);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = project.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue() + "\n", StandardCharsets.UTF_8);
        }
        installThisBuild();
        Path settings = writeSettings();

        String approve = maven(settings, "-Dgolden.approve=true", "test");
        assertFalse(goldenFiles().isEmpty(), "-Dgolden.approve=true wrote no golden file:\n" + approve);
        String verify = maven(settings, "verify");
        int testsRun = testsRun();
        assertTrue(testsRun > 0, "the README project ran no test:\n" + verify);
        assertEquals(goldenFiles().size(), testsRun, "one golden test per values file:\n" + verify);
        assertFalse(verify.contains("SLF4J"), "the README's logging choice keeps SLF4J quiet:\n" + verify);
    }

    /** The {@code <!-- file: PATH -->} blocks of the README, by path. */
    private static Map<String, String> readmeFiles() throws IOException {
        String readme = Files.readString(ProjectFolder.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Map<String, String> files = new LinkedHashMap<>();
        Matcher block = FILE_BLOCK.matcher(readme);
        while (block.find()) {
            String previous = files.put(block.group(1), block.group(2));
            assertEquals(null, previous, "README.md has two blocks for " + block.group(1));
        }
        return files;
    }

    /**
     * Core, golden and their parent pom, laid out in the private repository as {@code mvn install}
     * lays them out: the jars this build packaged, not what a local repository may hold.
     */
    private void installThisBuild() throws IOException, URISyntaxException {
        String version = System.getProperty("readme.version");
        assertTrue(version != null, "run by Maven (failsafe), which passes readme.version");
        Path coreJar = Path.of(InfrahubBackupChart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path goldenJar = Path.of(System.getProperty("readme.golden.jar"));
        for (Path jar : List.of(coreJar, goldenJar)) {
            assertTrue(Files.isRegularFile(jar) && jar.toString().endsWith(".jar"),
                    jar + " is not a packaged jar: run mvn verify (or package) on core and golden together");
        }
        install("infrahub-backup-chart-kit", version, ProjectFolder.ROOT.resolve("pom.xml"), null);
        install("infrahub-backup-core", version, ProjectFolder.ROOT.resolve("core/pom.xml"), coreJar);
        install("infrahub-backup-golden", version, ProjectFolder.ROOT.resolve("golden/pom.xml"), goldenJar);
    }

    private void install(String artifactId, String version, Path pom, Path jar) throws IOException {
        Path folder = Files.createDirectories(repository.resolve(GROUP).resolve(artifactId).resolve(version));
        Files.copy(pom, folder.resolve(artifactId + "-" + version + ".pom"));
        if (jar != null) {
            Files.copy(jar, folder.resolve(artifactId + "-" + version + ".jar"));
        }
    }

    /** Private local repository; this build's local repository first as a remote, then Central. */
    private Path writeSettings() throws IOException {
        String outer = Path.of(System.getProperty("readme.outer.repository")).toUri().toString();
        String remote = """
                      <id>this-build-local-repository</id>
                      <url>%s</url>
                      <releases><checksumPolicy>ignore</checksumPolicy></releases>
                      <snapshots><enabled>false</enabled></snapshots>
                """.formatted(outer);
        String settings = """
                <settings>
                  <localRepository>%s</localRepository>
                  <profiles>
                    <profile>
                      <id>this-build</id>
                      <repositories><repository>
                %s      </repository></repositories>
                      <pluginRepositories><pluginRepository>
                %s      </pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>this-build</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, remote, remote);
        return Files.writeString(work.resolve("settings.xml"), settings, StandardCharsets.UTF_8);
    }

    /** Runs Maven in the project and returns its log; fails with the whole log if the build fails. */
    private String maven(Path settings, String... args) throws Exception {
        String home = System.getProperty("maven.home");
        List<String> command = new ArrayList<>(List.of(home == null ? "mvn" : Path.of(home, "bin", "mvn").toString(),
                "-B", "-s", settings.toString()));
        command.addAll(List.of(args));
        Path log = work.resolve("maven-" + args[args.length - 1] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish; its log: " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> "the README project does not build with " + String.join(" ", command)
                + " in " + project + ":\n" + output);
        return output;
    }

    private List<Path> goldenFiles() throws IOException {
        return list(project.resolve("golden"), ".yaml");
    }

    private int testsRun() throws IOException {
        int total = 0;
        for (Path report : list(project.resolve("target/surefire-reports"), ".xml")) {
            Matcher tests = TESTS_RUN.matcher(Files.readString(report, StandardCharsets.UTF_8));
            total += tests.find() ? Integer.parseInt(tests.group(1)) : 0;
        }
        return total;
    }

    private static List<Path> list(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
