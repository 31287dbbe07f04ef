package io.github.infrahubbackup.chartkit.engine.render;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code .Release} as Helm exposes it to templates during {@code helm template}. */
public final class ReleaseObject {
    private ReleaseObject() {
    }

    public static Map<String, Object> of(String name, String namespace) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("Name", name);
        object.put("Namespace", namespace);
        object.put("Service", "Helm");
        object.put("IsInstall", true);
        object.put("IsUpgrade", false);
        object.put("Revision", 1);
        return object;
    }
}
