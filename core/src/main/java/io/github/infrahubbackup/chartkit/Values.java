package io.github.infrahubbackup.chartkit;

import io.github.infrahubbackup.chartkit.engine.values.Coalesce;
import io.github.infrahubbackup.chartkit.engine.values.DeepStack;
import io.github.infrahubbackup.chartkit.engine.values.SetParser;
import io.github.infrahubbackup.chartkit.engine.values.SourcePosition;
import io.github.infrahubbackup.chartkit.engine.values.ValuePaths;
import io.github.infrahubbackup.chartkit.engine.values.ValuesInput;
import io.github.infrahubbackup.chartkit.engine.values.ValuesFile;
import io.github.infrahubbackup.chartkit.engine.values.ValuesReader;
import io.github.infrahubbackup.chartkit.engine.values.ValuesSyntaxException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * User values, combined as Helm combines them: {@code -f} files left to right (maps merged deeply,
 * lists replaced), then every {@code --set}, then every {@code --set-string}. A {@code null} removes
 * a default key when the values meet the chart's defaults. Immutable and thread-safe.
 *
 * <p>Reading never throws for bad input: a missing file, YAML that does not parse or a malformed
 * {@code --set} becomes a {@link Problem} that {@link InfrahubBackupChart#validate} reports.
 * Values know nothing of a chart: checking them against one is the chart's job, and its answer
 * is the {@link Validation} it returns, not state kept here.
 */
public final class Values {
    private final Map<String, Object> values;
    private final List<ValuesFile> sources;
    private final List<Problem> readProblems;
    private final List<Problem> unreadable;
    private final String parentChart;
    private final String parentKey;
    private Values(Map<String, Object> values, List<ValuesFile> sources, List<Problem> readProblems, List<Problem> unreadable,
                   String parentChart, String parentKey) {
        this.values = values;
        this.sources = sources;
        this.readProblems = readProblems;
        this.unreadable = unreadable;
        this.parentChart = parentChart;
        this.parentKey = parentKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No user values: the chart's defaults alone. */
    public static Values none() {
        return builder().build();
    }

    /** The combined user values (without the chart's defaults); a deep copy. */
    public Map<String, Object> asMap() {
        return Coalesce.asMap(DeepStack.forTree(values, () -> Coalesce.deepCopy(values)));
    }

    /** The parent chart these are the values of, when the chart is rendered as its subchart. */
    public Optional<String> parentChart() {
        return Optional.ofNullable(parentChart);
    }

    /**
     * The key under which the parent chart's values hold this chart's values, when it was given;
     * empty with {@link Builder#parent(String)}, where the key is the chart's name as in Helm.
     */
    public Optional<String> parentKey() {
        return Optional.ofNullable(parentKey);
    }

    /**
     * The sources that could not be read at all (a missing file, a directory, no permission, a
     * stream that failed), each as a problem that names the source and says why, without a line:
     * a fault of the input's place rather than of its content, which a command line may report
     * apart. {@link InfrahubBackupChart#validate} reports them too.
     */
    public List<Problem> unreadable() {
        return unreadable;
    }

    /** The combined values, not copied: the chart only reads them. */
    Map<String, Object> raw() {
        return values;
    }

    /** Each source that was read, in the order given (files first, then --set): where each value came from. */
    List<ValuesFile> sources() {
        return sources;
    }

    /** What could not be read: missing files, YAML that does not parse, malformed --set arguments. */
    List<Problem> readProblems() {
        return readProblems;
    }

    /** Collects values sources; {@link #build()} reads and combines them. Not thread-safe. */
    public static final class Builder {
        private final List<Object> files = new ArrayList<>();
        private final List<String> sets = new ArrayList<>();
        private final List<String> stringSets = new ArrayList<>();
        private String parentChart;
        private String parentKey;

        private Builder() {
        }

        /** A values file, as {@code -f FILE}. */
        public Builder file(Path file) {
            files.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Values read from a stream, such as standard input, named {@code sourceName} in problems:
         * read by {@link #build()} to its end (as a file: UTF-8, or UTF-16 after a byte order mark,
         * and bounded in size), and not closed.
         */
        public Builder stream(String sourceName, InputStream in) {
            files.add(new ValuesStream(Objects.requireNonNull(sourceName, "sourceName"), Objects.requireNonNull(in, "in")));
            return this;
        }

        /** Values given as YAML text, named {@code sourceName} in problems. */
        public Builder yaml(String sourceName, String yaml) {
            files.add(new ValuesText(Objects.requireNonNull(sourceName, "sourceName"), Objects.requireNonNull(yaml, "yaml")));
            return this;
        }

        /** One {@code --set} argument: {@code key=value[,key=value]}, typed as Helm types it. */
        public Builder set(String argument) {
            sets.add(Objects.requireNonNull(argument, "argument"));
            return this;
        }

        /** One {@code --set-string} argument: every value stays a string. */
        public Builder setString(String argument) {
            stringSets.add(Objects.requireNonNull(argument, "argument"));
            return this;
        }

        /**
         * Reads the sources as the values of a parent (umbrella) chart that has this chart as a
         * dependency: this chart's values sit under {@code key}, {@code global} is shared, and
         * {@code key.enabled: false} turns the chart off.
         */
        public Builder parent(String parentChartName, String key) {
            parent(parentChartName);
            this.parentKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * As {@link #parent(String, String)}, with this chart's values under its own name, the key
         * Helm gives a dependency that has no alias.
         */
        public Builder parent(String parentChartName) {
            this.parentChart = Objects.requireNonNull(parentChartName, "parentChartName");
            this.parentKey = null;
            return this;
        }

        public Values build() {
            Map<String, Object> merged = new LinkedHashMap<>();
            List<ValuesFile> sources = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            List<Problem> unreadable = new ArrayList<>();
            for (Object file : files) {
                ValuesText text = file instanceof ValuesText given ? given : read(file, problems, unreadable);
                if (text == null) {
                    continue;
                }
                try {
                    ValuesFile values = ValuesReader.read(text.name(), text.yaml());
                    sources.add(values);
                    DeepStack.forTree(values.values(), () -> Coalesce.merge(merged, values.values()));
                } catch (ValuesSyntaxException e) {
                    SourcePosition at = e.position();
                    problems.add(new Problem(Problem.VALUES_SYNTAX, "", at.source(), at.line(), at.column(), e.reason(), null));
                }
            }
            applySets(sets, false, merged, sources, problems);
            applySets(stringSets, true, merged, sources, problems);
            return new Values(merged, List.copyOf(sources), List.copyOf(problems), List.copyOf(unreadable), parentChart, parentKey);
        }

        private static void applySets(List<String> arguments, boolean strings, Map<String, Object> target,
                                      List<ValuesFile> sources, List<Problem> problems) {
            String flag = strings ? "--set-string" : "--set";
            for (String argument : arguments) {
                try {
                    // Parsed twice on purpose: alone, for the paths it sets; then into the merged values,
                    // where "a[1]=x" changes a list from a file (a merge of the two would replace it).
                    Map<String, Object> own = new LinkedHashMap<>();
                    parse(argument, strings, own);
                    parse(argument, strings, target);
                    sources.add(positionsOf(flag + " " + argument, own));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(Problem.VALUES_SET, "", flag + " " + argument, 1, 1, e.getMessage(), null));
                }
            }
        }

        private static void parse(String argument, boolean strings, Map<String, Object> target) {
            if (strings) {
                SetParser.parseStringInto(argument, target);
            } else {
                SetParser.parseInto(argument, target);
            }
        }

        /** Every path a --set argument sets, at the argument itself (line 1, column 1). */
        private static ValuesFile positionsOf(String source, Map<String, Object> values) {
            Map<String, SourcePosition> positions = new java.util.HashMap<>();
            collectPaths(values, "", new SourcePosition(source, 1, 1), positions);
            return new ValuesFile(source, values, positions, positions);
        }

        private static void collectPaths(Object value, String path, SourcePosition at, Map<String, SourcePosition> positions) {
            if (!path.isEmpty()) {
                // Not the root: a key missing elsewhere is not this argument's doing.
                positions.put(path, at);
            }
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, child) -> collectPaths(child, ValuePaths.child(path, (String) key), at, positions));
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    collectPaths(list.get(i), ValuePaths.index(path, i), at, positions);
                }
            }
        }

        /** The text of a file or stream; null, with its problem added, when it cannot be had. */
        private static ValuesText read(Object source, List<Problem> problems, List<Problem> unreadable) {
            String name = source instanceof Path path ? path.toString() : ((ValuesStream) source).name();
            try {
                return new ValuesText(name, source instanceof Path path ? ValuesInput.read(path) : ValuesInput.read(name, ((ValuesStream) source).in()));
            } catch (ValuesInput.UnreadableException e) {
                Problem problem = new Problem(Problem.VALUES_FILE, "", name.isEmpty() ? null : name, 0, 0, e.reason(), null);
                problems.add(problem);
                unreadable.add(problem);
            } catch (ValuesSyntaxException e) {
                SourcePosition at = e.position();
                problems.add(new Problem(Problem.VALUES_SYNTAX, "", at.source(), at.line(), at.column(), e.reason(), null));
            }
            return null;
        }
    }

    private record ValuesText(String name, String yaml) {
    }

    private record ValuesStream(String name, InputStream in) {
    }

    @Override
    public String toString() {
        return Collections.unmodifiableMap(values).toString();
    }
}
