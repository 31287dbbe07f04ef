/**
 * Go's string functions as Helm templates see them: strconv, strings, fmt and sprig.
 *
 * <p>Internal: not part of the public API, may change in any release.
 */
package io.github.infrahubbackup.chartkit.engine.text;
