package io.github.infrahubbackup.chartkit;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason the values cannot be rendered: where it is and what to do about it.
 *
 * <p>{@link #toString()} gives the {@code FILE:LINE:COL: PATH: MESSAGE} form that editors and CI
 * systems turn into annotations. {@link #rule()} names what was broken, for callers and tests that
 * act on a kind of problem: match it rather than the sentence, which may be reworded.
 */
public final class Problem {
    /** {@link #rule()} of a values file that cannot be read (missing, too large, not UTF-8). */
    public static final String VALUES_FILE = "values.file";
    /** {@link #rule()} of values text that is not YAML Helm reads. */
    public static final String VALUES_SYNTAX = "values.syntax";
    /** {@link #rule()} of a {@code --set} argument that does not parse. */
    public static final String VALUES_SET = "values.set";
    /** {@link #rule()} of an umbrella chart's section for this chart that is not a map. */
    public static final String SUBCHART_SECTION = "values.subchart-section";
    /** {@link #rule()} of a value whose line or paragraph separator would break the rendered YAML. */
    public static final String OUTPUT_LINE_SEPARATOR = "output.line-separator";
    /** {@link #rule()} of a release number past what Helm's semver library reads (a part over 64 bits). */
    public static final String UNREADABLE_VERSION = "render.unreadable-version";
    /** The prefix of {@link #rule()} for a break of the values schema: {@code schema.} and the JSON-schema keyword. */
    public static final String SCHEMA_PREFIX = "schema.";

    private final String rule;
    private final String path;
    private final String file;
    private final int line;
    private final int column;
    private final String message;
    private final String hint;

    Problem(String rule, String path, String file, int line, int column, String message, String hint) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.path = Objects.requireNonNull(path, "path");
        this.file = file;
        this.line = line;
        this.column = column;
        this.message = Objects.requireNonNull(message, "message");
        this.hint = hint;
    }

    /**
     * A stable id of what the values break, for programs (the message is for people):
     * <ul>
     * <li>{@code schema.<keyword>} for the values schema: {@code schema.pattern},
     * {@code schema.additionalProperties} (an unknown key), {@code schema.type}, {@code schema.enum}...;</li>
     * <li>the id of a rule of the chart's {@code rules.yaml} (such as {@code backup-bucket},
     * {@code value-null}, {@code image-tag-too-old}, {@code extra-args-repeat}), whether the schema or
     * the chart's templates caught it;</li>
     * <li>{@link #VALUES_FILE}, {@link #VALUES_SYNTAX}, {@link #VALUES_SET}, {@link #SUBCHART_SECTION}
     * and {@link #OUTPUT_LINE_SEPARATOR} for the library's own checks.</li>
     * </ul>
     */
    public String rule() {
        return rule;
    }

    /** The value's path as {@code --set} writes it ({@code backup.storage.s3.bucket}); empty for the whole file. */
    public String path() {
        return path;
    }

    /** The file (or {@code --set} argument) the offending value came from, if it came from one. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** 1-based line in {@link #file()}, or 0 when there is no file. */
    public int line() {
        return line;
    }

    /** 1-based column in {@link #file()}, or 0 when there is no file. */
    public int column() {
        return column;
    }

    /** What is wrong, and what to do, in plain English. */
    public String message() {
        return message;
    }

    /** A suggestion such as the key that was probably meant, if there is one. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line).append(':').append(column);
            }
            text.append(": ");
        }
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        text.append(message);
        if (hint != null) {
            text.append(" (").append(hint).append(')');
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Problem that && line == that.line && column == that.column && rule.equals(that.rule) && path.equals(that.path)
                && Objects.equals(file, that.file) && message.equals(that.message) && Objects.equals(hint, that.hint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, path, file, line, column, message, hint);
    }
}
