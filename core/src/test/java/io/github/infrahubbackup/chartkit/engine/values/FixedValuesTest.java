package io.github.infrahubbackup.chartkit.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FixedValuesTest {
    private final Map<String, Object> defaults = Coalesce.asMap(Coalesce.unmodifiable(Map.of(
            "resources", Map.of("limits", Map.of("memory", "1Gi")),
            "tolerations", List.of(Map.of("key", "a")),
            "name", "x")));

    @Test
    void convertsAFixedMapOrListTheFirstTimeItIsAskedForAndFindsItByIdentity() {
        AtomicInteger calls = new AtomicInteger();
        FixedValues<String> printed = new FixedValues<>(defaults, value -> {
            calls.incrementAndGet();
            return String.valueOf(value);
        });
        assertEquals(0, calls.get(), "nothing is converted before it is asked for");

        Object limits = Coalesce.asMap(defaults.get("resources")).get("limits");
        assertEquals(String.valueOf(limits), printed.get(limits));
        assertEquals(String.valueOf(limits), printed.get(limits));
        Object toleration = ((List<?>) defaults.get("tolerations")).get(0);
        assertEquals(String.valueOf(toleration), printed.get(toleration));
        assertEquals(2, calls.get(), "each fixed object is converted once");
    }

    @Test
    void knowsNothingOfAnEqualMapThatIsAnotherObject() {
        FixedValues<String> printed = new FixedValues<>(defaults, String::valueOf);
        Map<String, Object> equal = new LinkedHashMap<>(Coalesce.asMap(defaults.get("resources")));
        assertEquals(defaults.get("resources"), equal);
        assertNull(printed.get(equal), "a user's map is converted on every call, never taken from the table");
        assertNull(printed.get("x"), "scalars are not kept");
        assertNull(printed.get(null));
    }

    @Test
    void sharedDefaultsOfAMergeAreFoundAndTheUsersOwnAreNot() {
        FixedValues<String> printed = new FixedValues<>(defaults, String::valueOf);
        Map<String, Object> merged = Coalesce.withDefaults(Map.of("resources", Map.of("requests", Map.of("cpu", "1"))), defaults);
        assertEquals(String.valueOf(defaults.get("tolerations")), printed.get(merged.get("tolerations")));
        assertNull(printed.get(merged.get("resources")), "resources were merged with the user's values: a new map");
        assertEquals(String.valueOf(Map.of("memory", "1Gi")), printed.get(Coalesce.asMap(merged.get("resources")).get("limits")));
    }
}
