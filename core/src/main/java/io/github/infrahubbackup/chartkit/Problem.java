package io.github.infrahubbackup.chartkit;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason the values cannot be rendered: where it is and what to do about it.
 *
 * <p>{@link #toString()} gives the {@code FILE:LINE:COL: PATH: MESSAGE} form that editors and CI
 * systems turn into annotations.
 */
public final class Problem {
    private final String path;
    private final String file;
    private final int line;
    private final int column;
    private final String message;
    private final String hint;

    Problem(String path, String file, int line, int column, String message, String hint) {
        this.path = Objects.requireNonNull(path, "path");
        this.file = file;
        this.line = line;
        this.column = column;
        this.message = Objects.requireNonNull(message, "message");
        this.hint = hint;
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
        return other instanceof Problem that && line == that.line && column == that.column && path.equals(that.path)
                && Objects.equals(file, that.file) && message.equals(that.message) && Objects.equals(hint, that.hint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, file, line, column, message, hint);
    }
}
