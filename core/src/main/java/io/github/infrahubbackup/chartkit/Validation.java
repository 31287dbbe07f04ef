package io.github.infrahubbackup.chartkit;

import java.util.List;

/**
 * The outcome of validating values: valid, or the problems found, in file order. Problems are
 * data; deciding what a failure means is up to the caller.
 */
public final class Validation {
    private final List<Problem> problems;

    Validation(List<Problem> problems) {
        this.problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Every problem found; empty when the values are valid. */
    public List<Problem> problems() {
        return problems;
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
