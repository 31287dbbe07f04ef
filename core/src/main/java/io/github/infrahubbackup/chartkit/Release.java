package io.github.infrahubbackup.chartkit;

import java.util.Objects;

/**
 * The release a chart is rendered for: its name and namespace, as {@code helm template NAME -n NAMESPACE}.
 * Immutable; {@code Release.named("prod").in("infrahub")}.
 */
public final class Release {
    private static final int MAX_NAME_LENGTH = 53;

    private final String name;
    private final String namespace;

    private Release(String name, String namespace) {
        this.name = name;
        this.namespace = namespace;
    }

    /**
     * A release of this name in the {@code default} namespace.
     *
     * @throws IllegalArgumentException if Helm would refuse the name (lower case letters, digits and
     *                                  "-" or ".", at most 53 characters)
     */
    public static Release named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH
                || !name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")) {
            throw new IllegalArgumentException("release name \"" + name + "\" is not valid: use at most "
                    + MAX_NAME_LENGTH + " lower case letters, digits, '-' and '.', starting and ending with a letter or digit");
        }
        return new Release(name, "default");
    }

    /** The same release in another namespace. */
    public Release in(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("namespace must not be empty");
        }
        return new Release(name, namespace);
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Release that && name.equals(that.name) && namespace.equals(that.namespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace);
    }

    @Override
    public String toString() {
        return name + " in " + namespace;
    }
}
