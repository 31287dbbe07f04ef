package io.github.infrahubbackup.chartkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in process and captures what it prints. */
final class CliTestSupport {
    static final Path ROOT = root();

    private CliTestSupport() {
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("templates/chart")) && Files.isDirectory(dir.resolve("golden"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root");
    }
}
