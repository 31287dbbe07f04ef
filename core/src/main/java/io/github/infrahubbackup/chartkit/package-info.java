/**
 * The infrahub-backup chart as a library, in one way through: {@link io.github.infrahubbackup.chartkit.Values}
 * reads user values as Helm does ({@code -f}, {@code --set}, an umbrella chart's values);
 * {@link io.github.infrahubbackup.chartkit.InfrahubBackupChart#validate} checks them against the
 * chart's schema and rules into a {@link io.github.infrahubbackup.chartkit.Validation} (problems as
 * data, located at file, line and column; when valid, the values as the templates will see them);
 * {@code render} turns a valid one into a {@link io.github.infrahubbackup.chartkit.Rendering}, exactly
 * what {@code helm template} prints. Each stage takes the previous stage's value and never reaches
 * back into it.
 *
 * <p>This package is the whole public API, and the only package the module exports. The
 * {@code engine} packages below it are the chart-agnostic machinery (values, schema, rendering,
 * Go's YAML and string rules) and may change in any release. docs/design.md in the repository
 * explains the design.
 */
package io.github.infrahubbackup.chartkit;
