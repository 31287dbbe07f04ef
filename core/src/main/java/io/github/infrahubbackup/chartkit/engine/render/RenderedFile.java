package io.github.infrahubbackup.chartkit.engine.render;

/** One template's output, named by its path as Helm names it ({@code infrahub-backup/templates/role.yaml}). */
public record RenderedFile(String path, String text) {
}
