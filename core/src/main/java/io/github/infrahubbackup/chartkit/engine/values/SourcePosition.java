package io.github.infrahubbackup.chartkit.engine.values;

/** Where a value came from: a file (or "--set" argument) and a 1-based line and column in it. */
public record SourcePosition(String source, int line, int column) {
    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
