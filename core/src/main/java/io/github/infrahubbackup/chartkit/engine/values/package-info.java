/**
 * Values as Helm reads and combines them: reading values files (go-yaml typing, bounded, with the
 * position of every key and value), merging {@code -f} files and coalescing them over a chart's
 * defaults, Helm's {@code --set} syntax, and a subchart's view of its parent chart's values.
 *
 * <p>Internal: not exported by the module, may change in any release.
 */
package io.github.infrahubbackup.chartkit.engine.values;
