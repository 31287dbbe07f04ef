package io.github.infrahubbackup.chartkit.engine.values;

/** A values file that cannot be read as YAML, or is too large or too deep to read safely. */
public final class ValuesSyntaxException extends RuntimeException {
    private final transient SourcePosition position;
    private final String reason;

    public ValuesSyntaxException(SourcePosition position, String reason) {
        super(position + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    public SourcePosition position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
