package io.github.infrahubbackup.chartkit;

import java.util.List;
import java.util.Map;

/**
 * The outcome of validating values: valid, or the problems found, in file order. Problems are
 * data; deciding what a failure means is up to the caller. A valid outcome also holds the values
 * as the chart's templates will see them, so that {@link InfrahubBackupChart#render(Validation, Release)}
 * renders them without checking them again. Immutable.
 */
public final class Validation {
    private final List<Problem> problems;
    private final Checked checked;

    Validation(List<Problem> problems) {
        this(problems, null);
    }

    Validation(List<Problem> problems, Checked checked) {
        this.problems = List.copyOf(problems);
        this.checked = checked;
    }

    /**
     * What the chart needs to render the values it checked (the library bundles one chart, so a
     * valid Validation can only come from it).
     *
     * @param merged        the values over the defaults, as templates see them; null when the chart
     *                      renders nothing (a subchart turned off)
     * @param locator       places problems that only the rendered output reveals
     * @param sourcePrefix  what comes before a template's file name in its path ({@code infrahub-backup/templates/})
     * @param separatorPath the first value holding a YAML line separator, or null (the common case)
     * @param subchart      whether the values are a parent chart's (Helm then prints the parent's notes, not this chart's)
     */
    record Checked(Map<String, Object> merged, ProblemLocator locator, String sourcePrefix, String separatorPath, boolean subchart) {
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Every problem found; empty when the values are valid. */
    public List<Problem> problems() {
        return problems;
    }

    /** What the checking chart kept, or null when there is nothing to render from (invalid values). */
    Checked checked() {
        return checked;
    }

    @Override
    public String toString() {
        if (problems.isEmpty()) {
            return "valid";
        }
        StringBuilder text = new StringBuilder();
        problems.forEach(problem -> text.append(problem).append('\n'));
        return text.toString().stripTrailing();
    }
}
