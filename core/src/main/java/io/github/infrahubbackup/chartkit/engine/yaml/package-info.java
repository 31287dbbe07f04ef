/**
 * Printing and typing YAML by go-yaml v2's rules, as Helm's toYaml and values loading do.
 *
 * <p>Internal: not part of the public API, may change in any release.
 */
package io.github.infrahubbackup.chartkit.engine.yaml;
