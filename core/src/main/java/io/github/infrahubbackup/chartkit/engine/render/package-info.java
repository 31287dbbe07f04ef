/**
 * Rendering a chart's Pebble templates as Helm renders their Go twins: the templates found in the
 * chart's folder, Helm's template functions, {@code .Chart} and {@code .Release} as Helm shows them,
 * then Helm's output: documents split, ordered by kind as Helm installs them, hooks last, each
 * written once in Helm's {@code ---} / {@code # Source:} form. The documents are the API's
 * {@link io.github.infrahubbackup.chartkit.Manifest} records, so nothing is copied on the way out.
 *
 * <p>Internal: not exported by the module, may change in any release.
 */
package io.github.infrahubbackup.chartkit.engine.render;
