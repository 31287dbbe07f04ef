package io.github.infrahubbackup.chartkit;

/**
 * One rendered Kubernetes object.
 *
 * @param kind   its kind ({@code CronJob})
 * @param name   its metadata.name
 * @param source the template it came from, as Helm prints it after {@code # Source:}
 * @param hook   whether Helm runs it as a hook (after install and upgrade) rather than as part of the release
 * @param text   its YAML, without the {@code ---} and {@code # Source:} lines
 */
public record Manifest(String kind, String name, String source, boolean hook, String text) {
}
