package io.github.infrahubbackup.chartkit.cli;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.InvalidValuesException;
import io.github.infrahubbackup.chartkit.Problem;
import io.github.infrahubbackup.chartkit.Manifest;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.Rendering;
import io.github.infrahubbackup.chartkit.Validation;
import io.github.infrahubbackup.chartkit.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code infrahub-backup template | validate | schema}: the chart kit on the command line, with Helm's flag names. */
@Command(name = "infrahub-backup", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Renders and validates the infrahub-backup Helm chart exactly as Helm does, without Helm.",
        subcommands = {Main.Template.class, Main.Validate.class, Main.Schema.class},
        exitCodeOnInvalidInput = Main.USAGE, exitCodeOnExecutionException = Main.INVALID)
public final class Main implements Callable<Integer> {
    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;
    /** A values file or standard input that cannot be read, or an output folder that cannot be written. */
    static final int UNREADABLE = 3;

    /** Where {@code -f -} reads from; tests replace it. */
    static InputStream stdin = System.in;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The variable through which a relaunched JVM receives the arguments, as a file of UTF-8 text. */
    static final String ARGS_FILE = "INFRAHUB_BACKUP_ARGS_FILE";

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        args = Utf8Arguments.of(args, err);
        if (args == null) {
            return;
        }
        int code;
        try {
            code = run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8), err);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; give Java more (java -Xmx1g -jar ...) or check the input");
            code = INVALID;
        } catch (StackOverflowError e) {
            err.println("error: the values are nested too deeply to process");
            code = INVALID;
        }
        System.exit(code);
    }

    /** Runs one command line; what it prints goes to {@code out} and {@code err}. Returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // Helm has no argument files: "-f @values.yaml" names a file called "@values.yaml".
        commandLine.setExpandAtFiles(false);
        commandLine.setDefaultValueProvider(new ChartName());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof Failure failure) {
                err.println("error: " + failure.getMessage());
                return failure.code;
            }
            err.println("error: " + exception.getMessage());
            return INVALID;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** A failure with its exit code and a message that says what to do. */
    static final class Failure extends RuntimeException {
        final int code;

        Failure(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** The values flags shared by template and validate. */
    static final class ValuesOptions {
        @Option(names = {"-f", "--values"}, paramLabel = "FILE", description = "Values file, or - for standard input; repeat to merge several, later ones win.")
        List<String> files = new ArrayList<>();

        @Option(names = "--set", paramLabel = "K=V", description = "Set values (Helm's --set syntax); applied after the files.")
        List<String> sets = new ArrayList<>();

        @Option(names = "--set-string", paramLabel = "K=V", description = "Set string values; applied after --set.")
        List<String> stringSets = new ArrayList<>();

        @Option(names = "--parent", paramLabel = "CHART", description = "The files are the values of umbrella chart CHART, which has this chart as a dependency.")
        String parent;

        @Option(names = ChartName.OPTION, paramLabel = "KEY",
                description = "With --parent: the key of this chart's values in the umbrella's values (default: ${DEFAULT-VALUE}).")
        String parentKey;

        Values values() {
            Values.Builder builder = Values.builder();
            boolean stdinRead = false;
            for (String file : files) {
                if (file.equals("-")) {
                    // As Helm: "-" is standard input, read once; a second "-" reads nothing.
                    if (stdinRead) {
                        builder.yaml("<stdin>", "");
                    } else {
                        builder.stream("<stdin>", stdin);
                        stdinRead = true;
                    }
                    continue;
                }
                try {
                    builder.file(Path.of(file));
                } catch (java.nio.file.InvalidPathException e) {
                    throw new Failure(UNREADABLE, file + ": not a file name this system can open (" + e.getReason()
                            + "); if it has non-ASCII characters, run Java with a UTF-8 locale (LANG=C.UTF-8)");
                }
            }
            sets.forEach(builder::set);
            stringSets.forEach(builder::setString);
            if (parent != null) {
                builder.parent(parent, parentKey);
            }
            Values values = builder.build();
            // Input that cannot be read at all is not a problem of the values: it has an exit code of its own.
            if (!values.unreadable().isEmpty()) {
                throw new Failure(UNREADABLE, values.unreadable().get(0).toString());
            }
            return values;
        }
    }

    @Command(name = "template", mixinStandardHelpOptions = true,
            description = "Prints the chart's objects exactly as `helm template` prints them.")
    static final class Template implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "RELEASE", defaultValue = "release-name",
                description = "Release name (default: ${DEFAULT-VALUE}).")
        String release;

        @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "default", description = "Namespace (default: ${DEFAULT-VALUE}).")
        String namespace;

        @Option(names = {"-s", "--show-only"}, paramLabel = "TEMPLATE", description = "Only the objects of this template, e.g. templates/role.yaml.")
        List<String> showOnly = new ArrayList<>();

        @Option(names = "--output-dir", paramLabel = "DIR", description = "Write each template's objects to a file under DIR instead of printing them.")
        String outputDir;

        // Helm's name for it: `helm template --notes` (Helm 4); the text is what `helm install` prints after the release.
        @Option(names = "--notes", description = "Then print the chart's notes, as `helm install` prints them after the release (NOTES: and the text).")
        boolean notes;

        @Mixin
        ValuesOptions values;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Release target;
            try {
                // As Helm: an empty namespace is the default one.
                target = Release.named(release).in(namespace.isEmpty() ? "default" : namespace);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return USAGE;
            }
            Rendering rendering;
            try {
                rendering = InfrahubBackupChart.load().render(values.values(), target);
                if (!showOnly.isEmpty()) {
                    rendering = rendering.showOnly(showOnly);
                }
            } catch (InvalidValuesException e) {
                printProblems(e.validation(), err);
                return INVALID;
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return USAGE;
            }
            if (outputDir != null && !outputDir.isEmpty()) {
                writeFiles(rendering, outputDir, out);
            } else {
                out.print(rendering.yaml());
            }
            if (notes && !rendering.notes().isEmpty()) {
                out.print("NOTES:\n" + rendering.notes());
            }
            out.flush();
            return OK;
        }

        /**
         * As Helm's --output-dir: one file per template, named DIR/CHART/templates/FILE as Helm joins
         * them (DIR as given, then "/"), and "wrote NAME" for each object. All files are written or none.
         */
        private static void writeFiles(Rendering rendering, String outputDir, PrintWriter out) throws IOException {
            Map<String, String> files = rendering.byTemplate();
            Path root;
            Path staging;
            try {
                root = Path.of(outputDir);
                mkdirAll(root);
                staging = Files.createTempDirectory(root, ".infrahub-backup-");
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw new Failure(UNREADABLE, outputDir + ": cannot write the output folder (" + reason(e) + "); choose a folder you can write to");
            }
            try {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Path target = staging.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                }
                for (String source : files.keySet()) {
                    Path target = root.resolve(source);
                    try {
                        Files.createDirectories(target.getParent());
                        Files.move(staging.resolve(source), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new Failure(UNREADABLE, outputDir + "/" + source + ": cannot be written (" + reason(e) + ")");
                    }
                }
            } catch (IOException e) {
                throw new Failure(UNREADABLE, outputDir + ": cannot write the output folder (" + reason(e) + "); choose a folder you can write to");
            } finally {
                deleteTree(staging);
            }
            for (Manifest manifest : rendering.manifests()) {
                out.println("wrote " + outputDir + "/" + manifest.source());
            }
            out.flush();
        }

        /** Go's os.MkdirAll, which Helm uses: each folder of the path as written ("a/../b" makes a, then b). */
        private static void mkdirAll(Path folder) throws IOException {
            if (Files.isDirectory(folder)) {
                return;
            }
            Path parent = folder.getParent();
            if (parent != null) {
                mkdirAll(parent);
            }
            try {
                Files.createDirectory(folder);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(folder)) {
                    throw e;
                }
            }
        }

        private static String reason(Exception e) {
            if (e instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
                return "a file is in the way: " + ((java.nio.file.FileSystemException) e).getFile();
            }
            if (e instanceof java.nio.file.NoSuchFileException missing) {
                return "no such folder: " + missing.getFile();
            }
            if (e instanceof java.nio.file.InvalidPathException invalid) {
                return invalid.getReason();
            }
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }

        private static void deleteTree(Path root) throws IOException {
            if (!Files.exists(root)) {
                return;
            }
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks values; prints each problem as FILE:LINE:COL: PATH: MESSAGE on stderr. Exit 0 when valid, 1 when not.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ValuesOptions values;

        @Override
        public Integer call() {
            Validation validation = InfrahubBackupChart.load().validate(values.values());
            printProblems(validation, spec.commandLine().getErr());
            return validation.isValid() ? OK : INVALID;
        }
    }

    @Command(name = "schema", mixinStandardHelpOptions = true, description = "Prints the JSON schema of the values.")
    static final class Schema implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(InfrahubBackupChart.load().schema());
            out.flush();
            return OK;
        }
    }

    static void printProblems(Validation validation, PrintWriter err) {
        for (Problem problem : validation.problems()) {
            err.println(problem);
        }
        err.flush();
    }

    /** The default of --parent-key: the chart's name, from its Chart.yaml, as Helm keys a dependency without alias. */
    static final class ChartName implements CommandLine.IDefaultValueProvider {
        static final String OPTION = "--parent-key";

        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argument) {
            return argument instanceof CommandLine.Model.OptionSpec option && OPTION.equals(option.longestName())
                    ? InfrahubBackupChart.load().name() : null;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            InfrahubBackupChart chart = InfrahubBackupChart.load();
            return new String[] {chart.name() + " chart " + chart.version() + " (app " + chart.appVersion() + ")"};
        }
    }
}
