/**
 * Printing and typing YAML by go-yaml v2's rules, as Helm's toYaml and values loading do.
 *
 * <p>Internal: not exported by the module, may change in any release.
 */
package io.github.infrahubbackup.chartkit.engine.yaml;
