import java.io.InputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** SnakeYAML alone: the chart's values.yaml, read from the jar and parsed once. */
public class SnakeYamlOnly {
    public static void main(String[] args) throws Exception {
        try (InputStream in = SnakeYamlOnly.class.getClassLoader()
                .getResourceAsStream("io/github/infrahubbackup/chartkit/bundled-chart/chart/values.yaml")) {
            Object values = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            System.out.println(values.toString().length());
        }
    }
}
