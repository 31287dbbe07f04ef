import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;

/** Jackson alone, which the schema validator builds on: the chart's schema read into a tree. */
public class JacksonOnly {
    public static void main(String[] args) throws Exception {
        try (InputStream in = JacksonOnly.class.getClassLoader()
                .getResourceAsStream("io/github/infrahubbackup/chartkit/bundled-chart/schema/values.schema.json")) {
            System.out.println(new ObjectMapper().readTree(in).size());
        }
    }
}
