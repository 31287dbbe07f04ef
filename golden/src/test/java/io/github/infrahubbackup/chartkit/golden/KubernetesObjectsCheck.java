package io.github.infrahubbackup.chartkit.golden;

import java.util.List;

/** Placeholder seam for the strict Kubernetes checks of rendered releases. */
final class KubernetesObjectsCheck {
    private KubernetesObjectsCheck() {
    }

    static List<String> problems(String renderedYaml) {
        return List.of();
    }
}
