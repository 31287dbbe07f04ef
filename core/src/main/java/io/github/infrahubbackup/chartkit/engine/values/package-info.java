/**
 * Reading values files as Helm reads them (go-yaml typing, bounded), merging them, and Helm's --set syntax.
 *
 * <p>Internal: not part of the public API, may change in any release.
 */
package io.github.infrahubbackup.chartkit.engine.values;
