package io.github.infrahubbackup.chartkit.engine.render;

/**
 * One YAML document of the release, as Helm splits and orders them.
 *
 * @param source the template's path, printed after {@code # Source:}
 * @param kind   the object's kind
 * @param name   the object's metadata.name
 * @param hook   whether Helm treats it as a hook (printed after the other documents)
 * @param text   the document, trimmed, without the {@code ---} line
 */
public record Document(String source, String kind, String name, boolean hook, String text) {
}
