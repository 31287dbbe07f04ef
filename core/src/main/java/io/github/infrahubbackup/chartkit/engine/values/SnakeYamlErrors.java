package io.github.infrahubbackup.chartkit.engine.values;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** SnakeYAML's refusals in the library's words, at the place in the file where the mistake is. */
final class SnakeYamlErrors {
    private SnakeYamlErrors() {
    }

    /** A syntax error at its place: for an unexpected end of the file, where the unclosed quote or bracket starts. */
    static ValuesSyntaxException syntax(String source, MarkedYAMLException e) {
        // "found unexpected end of stream" points at the end of the file: the context is where the mistake is.
        boolean atEnd = e.getProblem() != null && e.getProblem().contains("end of stream");
        Mark mark = e.getProblemMark() != null && !(atEnd && e.getContextMark() != null) ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext();
        String text = context != null ? context + ": " + problem : problem;
        return new ValuesSyntaxException(position(source, mark), "not valid YAML: " + text.replaceAll("\\s+", " ").trim());
    }

    /** A limit SnakeYAML enforces (nesting, size), or another refusal without a place, at the file's start. */
    static ValuesSyntaxException limit(String source, YAMLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String reason = message.contains("Nesting Depth") ? ReadLimits.tooDeep()
                : message.contains("code points") ? ReadLimits.tooLarge()
                : "not valid YAML: " + message.replaceAll("\\s+", " ").trim();
        return new ValuesSyntaxException(new SourcePosition(source, 1, 1), reason);
    }

    /** SnakeYAML's 0-based mark as a 1-based line and column. */
    static SourcePosition position(String source, Mark mark) {
        return mark == null ? new SourcePosition(source, 1, 1) : new SourcePosition(source, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
