/**
 * Validating values against the chart's JSON schema, with plain-English messages and key hints.
 *
 * <p>Internal: not part of the public API, may change in any release.
 */
package io.github.infrahubbackup.chartkit.engine.schema;
