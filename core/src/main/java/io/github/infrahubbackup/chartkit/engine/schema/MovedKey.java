package io.github.infrahubbackup.chartkit.engine.schema;

/**
 * A key a chart once read at another path: an unknown key at {@code from} is explained with
 * "did you mean {@code to}? {@code from}.* is {@code why}" rather than the closest known key.
 *
 * @param from the old path, as {@code --set} writes it
 * @param to   the path the chart reads now
 * @param why  why a user may still write the old path
 */
public record MovedKey(String from, String to, String why) {
}
