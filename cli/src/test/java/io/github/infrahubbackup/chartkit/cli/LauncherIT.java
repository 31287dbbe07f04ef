package io.github.infrahubbackup.chartkit.cli;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher, {@code cli/target/infrahub-backup}: it prints what {@code java -jar} prints,
 * makes its start-up archive on first use and uses it after, and runs as plain {@code java -jar}
 * when it cannot make one. Runs after {@code package}; {@code -Dlauncher.java.home=DIR} tries it
 * with another JDK (JDK 25's AOT cache, say).
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {
    private static final Path TARGET = ProjectFolder.ROOT.resolve("cli/target");
    private static final Path JAVA_HOME = Path.of(System.getProperty("launcher.java.home", System.getProperty("java.home")));
    private static final List<String> TEMPLATE = List.of("template", "prod", "-n", "infrahub", "-f",
            ProjectFolder.ROOT.resolve("examples/scenarios/backup-cronjob-s3.yaml").toString());

    record Run(int exitCode, String out, String err) {
    }

    @TempDir
    Path work;

    /** One cache through the archive's life: made on first use, used after, damaged, and kept per JVM options. */
    @Test
    void printsWhatJavaJarPrintsFromTheFirstRunOn() throws Exception {
        Path cache = work.resolve("cache");
        Run plain = javaJar(TARGET.resolve("infrahub-backup.jar"), TEMPLATE);
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(Files.readString(ProjectFolder.ROOT.resolve("golden/backup-cronjob-s3.yaml")), plain.out());

        assertEquals(plain, launcher(TARGET, cache, Map.of(), TEMPLATE), "the first run, which makes the archive");
        List<Path> archives = archives(cache);
        assertEquals(1, archives.size(), "one archive in " + cache + ": " + archives);
        assertTrue(archives.get(0).toString().matches(".*\\.(jsa|aot)"), archives.toString());

        // Exit codes and error messages pass through, with the archive in use.
        List<String> invalid = List.of("validate", "-f", ProjectFolder.ROOT.resolve("examples/invalid/bad-enum-mode.yaml").toString());
        Run refused = javaJar(TARGET.resolve("infrahub-backup.jar"), invalid);
        assertEquals(1, refused.exitCode(), refused.err());
        assertEquals(refused, launcher(TARGET, cache, Map.of(), invalid));
        Run usage = javaJar(TARGET.resolve("infrahub-backup.jar"), List.of("no-such-command"));
        assertEquals(2, usage.exitCode(), usage.err());
        assertEquals(usage, launcher(TARGET, cache, Map.of(), List.of("no-such-command")));

        // A damaged archive (a disk filled up while it was written, say) is ignored without a word.
        archives.get(0).toFile().setWritable(true);
        Files.write(archives.get(0), "not an archive".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        assertEquals(plain, launcher(TARGET, cache, Map.of(), TEMPLATE), "with a damaged archive");

        // Other JVM options get an archive of their own, which is used: the CLI's classes come out of it.
        Path classLog = work.resolve("classes.log");
        Map<String, String> logging = Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        launcher(TARGET, cache, logging, TEMPLATE);
        Files.deleteIfExists(classLog);
        assertEquals(plain, launcher(TARGET, cache, logging, TEMPLATE));
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains("io.github.infrahubbackup.chartkit.cli.Main source: shared objects file"),
                "Main is loaded from the archive:\n" + loaded.lines().filter(l -> l.contains("chartkit")).limit(5).toList());
    }

    @Test
    void aRebuiltJarGetsAnArchiveOfItsOwnAndTheStaleOneGoes() throws Exception {
        Path install = copyOfLauncherAndJar();
        Path cache = work.resolve("cache");
        Run before = launcher(install, cache, Map.of(), TEMPLATE);
        List<Path> first = archives(cache);
        Files.setLastModifiedTime(install.resolve("infrahub-backup.jar"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Run after = launcher(install, cache, Map.of(), TEMPLATE);
        List<Path> second = archives(cache);
        assertEquals(before, after);
        assertEquals(1, first.size(), first.toString());
        assertEquals(1, second.size(), second.toString());
        assertNotEquals(first, second, "the rebuilt jar's archive has another name");
    }

    @Test
    void runsAsJavaJarWhenTheArchiveCannotBeMade() throws Exception {
        Path notAFolder = Files.writeString(work.resolve("cache-is-a-file"), "");
        Run plain = javaJar(TARGET.resolve("infrahub-backup.jar"), TEMPLATE);
        assertEquals(plain, launcher(TARGET, notAFolder, Map.of(), TEMPLATE), "cache folder cannot be made");

        Path cache = work.resolve("cache");
        assertEquals(plain, launcher(TARGET, cache, Map.of("INFRAHUB_BACKUP_ARCHIVE", "off"), TEMPLATE), "archive turned off");
        assertTrue(Files.notExists(cache), "nothing written with the archive turned off");
    }

    @Test
    void saysWhatIsWrongWithJavaHome() throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", work.resolve("no-jdk-here").toString());
        Run run = launcher(TARGET, work.resolve("cache"), env, TEMPLATE);
        assertEquals(127, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("infrahub-backup: ") && run.err().contains("set JAVA_HOME"), run.err());
    }

    private Path copyOfLauncherAndJar() throws IOException {
        Path install = Files.createDirectories(work.resolve("install"));
        Files.copy(TARGET.resolve("infrahub-backup"), install.resolve("infrahub-backup"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(TARGET.resolve("infrahub-backup.jar"), install.resolve("infrahub-backup.jar"));
        return install;
    }

    private static List<Path> archives(Path cache) throws IOException {
        Path folder = cache.resolve("infrahub-backup");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static Run javaJar(Path jar, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA_HOME.resolve("bin/java").toString(), "-jar", jar.toString()));
        command.addAll(args);
        return run(command, Map.of());
    }

    private static Run launcher(Path folder, Path cache, Map<String, String> env, List<String> args) throws Exception {
        Path launcher = folder.resolve("infrahub-backup");
        assertTrue(Files.isExecutable(launcher), launcher + " is missing or not executable: run mvn package first");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        Map<String, String> environment = new HashMap<>(Map.of("JAVA_HOME", JAVA_HOME.toString(), "XDG_CACHE_HOME", cache.toString()));
        environment.putAll(env);
        return run(command, environment);
    }

    private static Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ProjectFolder.ROOT.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("INFRAHUB_BACKUP_ARCHIVE");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
