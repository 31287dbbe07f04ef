package io.github.infrahubbackup.chartkit;

/** Thrown by {@link InfrahubBackupChart#render} for values that do not validate; carries the problems. */
public final class InvalidValuesException extends RuntimeException {
    private final transient Validation validation;

    InvalidValuesException(Validation validation) {
        super("invalid values:\n" + validation);
        this.validation = validation;
    }

    /** The problems that stopped the render. */
    public Validation validation() {
        return validation;
    }
}
