package io.github.infrahubbackup.chartkit;

import io.github.infrahubbackup.chartkit.engine.schema.SchemaViolation;
import io.github.infrahubbackup.chartkit.engine.values.SourcePosition;
import io.github.infrahubbackup.chartkit.engine.values.ValuesFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a check found at a path of the values into a {@link Problem} at a file, line and
 * column of the sources the user gave: the source that set the value last, else the nearest
 * enclosing key the user wrote (for a value that is missing), else no position at all.
 */
final class ProblemLocator {
    private final List<ValuesFile> sources;
    private final String prefix;

    /**
     * @param sources the values' sources, in the order given
     * @param prefix  the key of the checked values in the sources (a subchart's key), or ""
     */
    ProblemLocator(List<ValuesFile> sources, String prefix) {
        this.sources = sources;
        this.prefix = prefix;
    }

    /**
     * The schema's violations as problems, in the order of the sources; in each source, problems at
     * what the user wrote (often the cause) before those about keys the user did not write (often a
     * knock-on, placed at the closest key written); then line and column. One
     * rule broken by two missing keys is one problem at one place: of problems with the same
     * place and message, the first by path is kept.
     */
    List<Problem> schemaProblems(List<SchemaViolation> violations) {
        List<Problem> located = new ArrayList<>(violations.size());
        for (SchemaViolation violation : violations) {
            located.add(locate(violation.path(), violation.atKey(), violation.message(), violation.hint(), violation.rule()));
        }
        located.sort(Comparator.<Problem>comparingInt(problem -> problem.file().map(this::sourceOrder).orElse(Integer.MAX_VALUE))
                .thenComparingInt(problem -> positionOf(problem.path(), false).isPresent()
                        || positionOf(problem.path(), true).isPresent() ? 0 : 1)
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column)
                .thenComparing(Problem::path).thenComparing(Problem::message));
        List<Problem> problems = new ArrayList<>(located.size());
        Set<String> seen = new HashSet<>();
        for (Problem problem : located) {
            if (seen.add(problem.file().orElse("") + ":" + problem.line() + ":" + problem.column() + ":" + problem.message())) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /**
     * The problem with the value at {@code path} (relative to the checked values).
     *
     * @param atKey whether the key itself is wrong (an unknown key) rather than its value
     * @param rule  the id of the broken rule ({@link Problem#rule()})
     */
    Problem locate(String path, boolean atKey, String message, String hint, String rule) {
        String fullPath = prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
        SourcePosition position = positionOf(fullPath, atKey)
                .or(() -> positionOf(fullPath, !atKey))
                .or(() -> nearestAncestor(fullPath))
                .orElse(null);
        if (position != null && position.source().startsWith("--set") && message.endsWith(" (remove the quotes)")) {
            message = message.substring(0, message.length() - " (remove the quotes)".length()) + (position.source().startsWith("--set-string")
                    ? " (--set-string makes every value a string: use --set)"
                    : " (--set reads only true and false as booleans and plain digits as numbers)");
        }
        return position == null
                ? new Problem(rule, fullPath, null, 0, 0, message, hint)
                : new Problem(rule, fullPath, position.source(), position.line(), position.column(), message, hint);
    }

    /** For a value that is missing, the key of the closest enclosing map the user wrote. */
    private Optional<SourcePosition> nearestAncestor(String path) {
        String parent = path;
        while (!parent.isEmpty()) {
            int cut = Math.max(parent.lastIndexOf('.'), parent.lastIndexOf('['));
            while (cut > 0 && parent.charAt(cut - 1) == '\\') {
                cut = Math.max(parent.lastIndexOf('.', cut - 2), parent.lastIndexOf('[', cut - 2));
            }
            parent = cut > 0 ? parent.substring(0, cut) : "";
            Optional<SourcePosition> position = positionOf(parent, true);
            if (position.isPresent()) {
                return position;
            }
        }
        return Optional.empty();
    }

    /** Where the value at this path (as {@code --set} writes it) was last set, if a source set it. */
    private Optional<SourcePosition> positionOf(String path, boolean key) {
        for (int i = sources.size() - 1; i >= 0; i--) {
            ValuesFile source = sources.get(i);
            SourcePosition position = (key ? source.keyPositions() : source.positions()).get(path);
            if (position != null) {
                return Optional.of(position);
            }
        }
        return Optional.empty();
    }

    /** The order in which a source was given (files first, then --set); MAX_VALUE if unknown. */
    private int sourceOrder(String source) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).source().equals(source)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
