/**
 * Go's string functions as Helm templates see them (strconv, strings, fmt and sprig), and the edit
 * distance behind "did you mean" hints.
 *
 * <p>Internal: not exported by the module, may change in any release.
 */
package io.github.infrahubbackup.chartkit.engine.text;
