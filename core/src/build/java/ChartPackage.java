import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Packages a chart folder as {@code helm package} does: a gzip'd tar whose entries are
 * {@code <chart name>/<path>}, without what the chart's {@code .helmignore} names (and without
 * hidden files under templates/, which Helm always leaves out). Unlike {@code helm package}, which
 * stamps entries with the time it runs, every entry gets the same given time and entries are
 * sorted, so the same folder always gives the same bytes. A build step, run with the source-file
 * launcher (JDK 11 and later) so that it needs no compiled module:
 *
 * <pre>java core/src/build/java/ChartPackage.java CHART_FOLDER OUTPUT.tgz [TIMESTAMP]</pre>
 *
 * TIMESTAMP is an ISO-8601 instant or epoch seconds (Maven's project.build.outputTimestamp); 0 when absent.
 */
public final class ChartPackage {
    private ChartPackage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java ChartPackage.java CHART_FOLDER OUTPUT.tgz [TIMESTAMP]");
            System.exit(2);
        }
        Path chart = Path.of(args[0]);
        Path output = Path.of(args[1]);
        long mtime = args.length == 3 ? seconds(args[2]) : 0;
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, pack(chart, mtime));
        System.out.println("packaged " + chart + " as " + output);
    }

    private static long seconds(String timestamp) {
        return timestamp.chars().allMatch(Character::isDigit) ? Long.parseLong(timestamp) : Instant.parse(timestamp).getEpochSecond();
    }

    /** The .tgz of {@code chart}: its name from Chart.yaml, its files as Helm keeps them. */
    static byte[] pack(Path chart, long mtime) throws IOException {
        String name = chartName(Files.readString(chart.resolve("Chart.yaml"), StandardCharsets.UTF_8));
        Ignore ignore = Ignore.read(chart.resolve(".helmignore"));
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(chart)) {
            for (Path path : walk.sorted().toList()) {
                String relative = chart.relativize(path).toString().replace('\\', '/');
                if (!relative.isEmpty() && Files.isRegularFile(path) && !ignore.ignores(relative)) {
                    files.add(relative);
                }
            }
        }
        // An ignored folder hides everything below it.
        files.removeIf(file -> {
            for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
                if (ignore.ignoresFolder(file.substring(0, slash))) {
                    return true;
                }
            }
            return false;
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (String file : files) {
                writeEntry(gzip, name + "/" + file, Files.readAllBytes(chart.resolve(file)), mtime);
            }
            gzip.write(new byte[1024]); // two zero blocks end a tar
        }
        return bytes.toByteArray();
    }

    private static String chartName(String chartYaml) {
        Matcher name = Pattern.compile("(?m)^name:\\s*[\"']?([A-Za-z0-9._-]+)[\"']?\\s*$").matcher(chartYaml);
        if (!name.find()) {
            throw new IllegalArgumentException("Chart.yaml has no plain name: line");
        }
        return name.group(1);
    }

    /** One ustar entry: a 512-byte header, the data, zeros to the next 512 bytes. */
    private static void writeEntry(OutputStream out, String path, byte[] data, long mtime) throws IOException {
        byte[] header = new byte[512];
        byte[] name = path.getBytes(StandardCharsets.UTF_8);
        if (name.length > 100) {
            throw new IllegalArgumentException(path + ": longer than the 100 bytes of a plain tar name");
        }
        System.arraycopy(name, 0, header, 0, name.length);
        octal(header, 100, 8, 0644);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, data.length);
        octal(header, 136, 12, mtime);
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 6);
        header[263] = '0';
        header[264] = '0';
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        octal(header, 148, 7, sum);
        out.write(header);
        out.write(data);
        out.write(new byte[(512 - data.length % 512) % 512]);
    }

    /** A zero-padded octal number in {@code length - 1} digits and a NUL. */
    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException(value + " does not fit a tar header field");
        }
        byte[] text = ("0".repeat(length - 1 - digits.length()) + digits).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, offset, text.length);
        header[offset + length - 1] = 0;
    }

    /**
     * The rules of a .helmignore as Helm reads them (helm.sh/helm/v3/pkg/ignore): one pattern a
     * line, # comments, ! negates, a trailing / matches folders only, a pattern without / matches a
     * file's or folder's base name, one with / the path from the chart's folder; ** is refused, as
     * Helm refuses it. Helm's default rule leaves out hidden files under templates/.
     */
    record Ignore(List<Rule> rules) {
        record Rule(PathMatcher matcher, boolean negated, boolean folderOnly, boolean baseName) {
        }

        static Ignore read(Path file) throws IOException {
            List<String> lines = new ArrayList<>(Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of());
            lines.add("templates/.?*");
            List<Rule> rules = new ArrayList<>();
            for (String raw : lines) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.contains("**")) {
                    throw new IllegalArgumentException(".helmignore: ** is not supported (Helm refuses it too): " + line);
                }
                boolean negated = line.startsWith("!");
                String pattern = negated ? line.substring(1) : line;
                boolean folderOnly = pattern.endsWith("/");
                pattern = folderOnly ? pattern.substring(0, pattern.length() - 1) : pattern;
                pattern = pattern.startsWith("/") ? pattern.substring(1) : pattern;
                boolean baseName = !pattern.contains("/");
                rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + pattern), negated, folderOnly, baseName));
            }
            return new Ignore(rules);
        }

        boolean ignores(String path) {
            return matches(path, false);
        }

        boolean ignoresFolder(String path) {
            return matches(path, true);
        }

        /** Helm's order: the last rule that matches decides. */
        private boolean matches(String path, boolean folder) {
            boolean ignored = false;
            for (Rule rule : rules) {
                if (rule.folderOnly() && !folder) {
                    continue;
                }
                String subject = rule.baseName() ? path.substring(path.lastIndexOf('/') + 1) : path;
                if (rule.matcher().matches(Path.of(subject))) {
                    ignored = !rule.negated();
                }
            }
            return ignored;
        }
    }
}
