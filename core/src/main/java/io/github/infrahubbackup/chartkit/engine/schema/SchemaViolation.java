package io.github.infrahubbackup.chartkit.engine.schema;

/**
 * One place where values break the schema.
 *
 * @param path    the offending value's path as {@code --set} writes it
 * @param atKey   whether the problem is the key itself (an unknown key) rather than its value
 * @param message what is wrong and what to do
 * @param hint    a suggestion (the key probably meant), or null
 */
public record SchemaViolation(String path, boolean atKey, String message, String hint) {
}
