/**
 * The infrahub-backup chart as a library. Only {@code io.github.infrahubbackup.chartkit}, the
 * public API, is exported: the {@code engine} packages are the library's own machinery, free to
 * change in any release. (On the class path, where modules do not apply, they are public classes
 * all the same; the API's package documentation says what to use.)
 */
module io.github.infrahubbackup.chartkit {
    requires com.fasterxml.jackson.databind;
    requires com.networknt.schema;
    requires io.pebbletemplates;
    requires org.yaml.snakeyaml;

    exports io.github.infrahubbackup.chartkit;
    // Pebble calls .Files.Get on the renderer's HelmFiles, as Helm's templates call .Files.Get.
    exports io.github.infrahubbackup.chartkit.engine.render to io.pebbletemplates;
}
