import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.StringWriter;
import java.util.Map;

/** Pebble alone: an engine, one template of one line with one macro, one render. */
public class PebbleOnly {
    public static void main(String[] args) throws Exception {
        PebbleEngine engine = new PebbleEngine.Builder().loader(new StringLoader()).autoEscaping(false).build();
        StringWriter out = new StringWriter();
        engine.getTemplate("{% macro greet(name) %}hello {{ name | upper }}{% endmacro %}{{ greet(who) }}")
                .evaluate(out, Map.of("who", "world"));
        System.out.println(out);
    }
}
