package io.github.infrahubbackup.chartkit.engine.schema;

/**
 * One place where values break the schema.
 *
 * @param path    the offending value's path as {@code --set} writes it
 * @param atKey   whether the problem is the key itself (an unknown key) rather than its value
 * @param message what is wrong and what to do
 * @param hint    a suggestion (the key probably meant), or null
 * @param rule    the id of what is broken: {@code schema.<keyword>} (the JSON-schema keyword that
 *                failed), or, inside a root {@code allOf} block whose {@code $comment} is
 *                {@code rules.yaml: <id>}, that id
 */
public record SchemaViolation(String path, boolean atKey, String message, String hint, String rule) {
}
