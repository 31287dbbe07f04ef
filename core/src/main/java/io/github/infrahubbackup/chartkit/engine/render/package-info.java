/**
 * Rendering Pebble templates with Helm's template functions, and assembling documents in Helm's output order.
 *
 * <p>Internal: not part of the public API, may change in any release.
 */
package io.github.infrahubbackup.chartkit.engine.render;
