/**
 * The infrahub-backup chart as a library: {@link io.github.infrahubbackup.chartkit.InfrahubBackupChart}
 * loads the bundled chart, {@link io.github.infrahubbackup.chartkit.Values} combines user values as
 * Helm does, {@code validate} reports {@link io.github.infrahubbackup.chartkit.Problem}s as data,
 * and {@code render} prints exactly what {@code helm template} prints.
 *
 * <p>This package is the whole public API. The {@code engine} packages below it are the
 * chart-agnostic machinery (values, schema, rendering, Go's YAML and string rules); their classes
 * are public only so the packages can share them, and may change in any release.
 */
package io.github.infrahubbackup.chartkit;
