package io.github.infrahubbackup.chartkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints how long each exhaustion case takes to be refused, for the notes (a benchmark of sorts,
 * not a test): {@code java -cp ... HostileInputTimings}, or run {@link #main} from an IDE.
 */
public final class HostileInputTimings {
    private HostileInputTimings() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("hostile");
        CliTestSupport.run("template");
        time("billion laughs", Files.writeString(folder.resolve("laughs.yaml"), HostileInputTest.billionLaughs()));
        time("200,000-deep nesting", Files.writeString(folder.resolve("deep.yaml"), HostileInputTest.deepNesting()));
        time("40 MB file", HostileInputTest.hugeFile(folder));
    }

    private static void time(String name, Path file) {
        long best = Long.MAX_VALUE;
        int exit = -1;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            exit = CliTestSupport.run("template", "-f", file.toString()).exitCode();
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("%-22s exit %d, refused in %.1f ms (best of 5)%n", name, exit, best / 1e6);
    }
}
