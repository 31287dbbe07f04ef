package io.github.infrahubbackup.chartkit.engine.values;

/** Paths to values, written as {@code --set} writes them: {@code backup.storage.s3.bucket}, {@code tolerations[0].key}. */
public final class ValuePaths {
    private ValuePaths() {
    }

    public static String child(String parent, String key) {
        String escaped = key.replace("\\", "\\\\").replace(".", "\\.").replace("[", "\\[").replace("]", "\\]")
                .replace(",", "\\,").replace("=", "\\=");
        return parent.isEmpty() ? escaped : parent + "." + escaped;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
