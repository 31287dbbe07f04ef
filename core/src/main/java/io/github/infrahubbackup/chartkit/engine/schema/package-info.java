/**
 * Validating values against a chart's JSON schema (draft-07, patterns read as Go and editors read
 * them), with plain-English messages, the schema's own {@code errorMessage} sentences and hints for
 * unknown keys (the closest known key, or where a moved key went, as the chart's files say).
 *
 * <p>Internal: not exported by the module, may change in any release.
 */
package io.github.infrahubbackup.chartkit.engine.schema;
