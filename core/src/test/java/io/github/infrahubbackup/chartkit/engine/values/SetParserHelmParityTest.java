package io.github.infrahubbackup.chartkit.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infrahubbackup.chartkit.engine.values.SetParser.SetSyntaxException;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@link SetParser#parseInto} with the real Helm (v3.21, embedded in helm-java 0.0.21).
 *
 * <p>How helm-java passes {@code .set(key, value)} on: the Java side URL-encodes the (key, value) pairs; the native
 * side decodes them, backslash-escapes every {@code " ' \ = { [ , . ] }} in the <em>value</em> only, and hands
 * {@code key + "=" + escapedValue} to Helm's own {@code values.Options.MergeValues} as one {@code --set} entry,
 * i.e. to {@code strvals.ParseInto}. Errors come back as {@link IllegalStateException} with Helm's CLI text
 * ({@code failed parsing --set data: ...}). So a CLI argument {@code S} reaches the parser verbatim when it is
 * split as {@code key = S before its last '='}, {@code value = the rest}, provided the rest holds none of those
 * escaped characters: every case below is such an {@code S}, and the test asserts that the split is exact.
 * What cannot go through: arguments without a final {@code =plain} tail (e.g. {@code noval[0]}, {@code a=1\},
 * {@code name1}) and {@code --set-string} (helm-java's template command has no such method); those are covered by
 * {@link SetParserTest} only. Helm's partial updates before an error are not visible either (Helm aborts), so for
 * failing arguments only the message is compared.
 */
@Tag("helm")
class SetParserHelmParityTest {

    private static final String ESCAPED_BY_HELM_JAVA = "\"'\\={[,.]}";
    private static final String DUMP_MARKER = "# dump\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RANDOM_RUNS = 500;

    @TempDir
    static Path work;
    static HelmChart chart;

    @BeforeAll
    static void writeChart() {
        chart = HelmChart.write(work, "t", Map.of("values.yaml", "", "templates/out.yaml", DUMP_MARKER + "{{ toJson .Values }}\n"));
    }

    static Stream<String> forms() {
        return Stream.of(
                // pairs, typing
                "name1=value1",
                "name1=value1,name2=value2",
                "n=null,f=false,t=true",
                "T=TRUE,F=False,N=NuLl",
                "zero=0",
                "long=1234567890",
                "neg=-42,plus=+7",
                "negzero=-0,negzeros=-012",
                "lead=00009",
                "float=1.5,exp=1e3,hex=0x1f,sign=+,under=1_000",
                "max=9223372036854775807,min=-9223372036854775808,over=9223372036854775808",
                "yes=yes,on=on,tilde=~",
                "x=a b",
                " k = v ",
                "a=b=c",
                "ключ=значение,emoji=😀",
                // empty values
                "empty=",
                "name1=,name2=value2",
                "name1.name2=",
                "noval[0]=",
                // escapes
                "name1=one\\,two,name2=three\\,four,x=1",
                "name1=one\\=two",
                "a\\.b=c,d\\[0\\]=e",
                "back=x\\\\y,n=a\\nb,x=1",
                // nested maps
                "outer.middle.inner=value,outer.inner1=value",
                SetParserTest.dotted(30) + "=deep",
                // brace lists
                "name1={value1,value2},x=1",
                "name1={1021,902},x=1",
                "name1={},x=1",
                "name1={a\\,b,c\\}},x=1",
                "name1={true,null,0,x,1.5},x=1",
                "a={x,y},b=z",
                "a={x}y=1",
                // indexed lists
                "list[0]=foo,list[3]=bar",
                "list[0].foo=bar,list[0].hello=world",
                "nested[1][1]=1",
                "name1.name2[1].foo=bar,name1.name2[0].foo=bar",
                "a[+1]=x,b[-0]=y,c[007]=z",
                "a[65536]=x",
                "l[0]={a,b},l[1][0]=c",
                "[0]=x,=y,.z=1,w=2",
                // merging inside one argument = successive flags
                "a={x,y,z},a[1]=q",
                "a.b=1,a=str",
                "a[0]=x,a[2]=y",
                "a={p,q},a[1].k=v",
                "a[0]={x},a[0].b=1,c=2",
                "listOuter[0][0].type=listValue,listOuter[0][0].status=alive",
                "listOuter[0][0].type=listValue,listOuter[1][0].status=alive",
                "a=1,a=2",
                "a.b=1,a=null",
                // errors
                "name1\\=",
                "a=1,b\\=",
                "name1,name2=value2",
                "name1=value1,,,,name2=value2",
                "name1.=name2",
                "name1.,name2=",
                "name1.name2,name1.name3=",
                "name1={1021,902=",
                "list[0].foo=bar,list[-30].hello=world",
                "list[0]=foo,list[-20]=bar",
                "illegal[0]name.foo=bar",
                "q[0]'x=1",
                "a[x]=1",
                "a[]=1",
                "a[1.5]=1",
                "a[99999999999999999999]=1",
                "a[0][y]=1",
                "l[0=1",
                "a[0][1=1",
                "a[65537]=x",
                "a[0][65537]=x",
                "]={}].=",
                "a=1,a.b=2",
                "a=x,a[0]=y",
                "a=null,a.b=1",
                "a.b=true,a.b[0]=1",
                "a[0]=x,a[0][0]=y",
                SetParserTest.dotted(31) + "=deep",
                "k\"=1,x\\=",
                "tab\t,=");
    }

    @ParameterizedTest(name = "--set {0}")
    @MethodSource("forms")
    void matchesHelm(String argument) throws IOException {
        assertSameAsHelm(argument);
    }

    /** Random arguments over the syntax's special characters, seeded so a failure can be replayed. */
    @Test
    void randomArgumentsMatchHelm() throws IOException {
        String[] tokens = {"a", "b", "k", "0", "1", "2", "-1", "=", "=", ",", ",", ".", ".", "[", "[", "]", "]", "{",
            "}", "\\", "true", "null", " ", "é", "\t", "\u00a0"};
        String[] tails = {"", "v", "1", "0", "true", "x y", "007"};
        Random random = new Random(20240611L);
        int failures = 0;
        for (int run = 0; run < RANDOM_RUNS; run++) {
            StringBuilder argument = new StringBuilder();
            int length = 1 + random.nextInt(10);
            for (int i = 0; i < length; i++) {
                argument.append(tokens[random.nextInt(tokens.length)]);
            }
            argument.append('=').append(tails[random.nextInt(tails.length)]);
            if (!assertSameAsHelm(argument.toString())) {
                failures++;
            }
        }
        // the generator must exercise both outcomes to be worth anything
        assertTrue(failures > RANDOM_RUNS / 10 && failures < RANDOM_RUNS * 9 / 10, "errors: " + failures);
    }

    /** Returns whether the argument parsed (true) or failed (false), after checking Helm agrees. */
    private static boolean assertSameAsHelm(String argument) throws IOException {
        int split = argument.lastIndexOf('=');
        assertTrue(split >= 0, "a helm-java case needs a final '=': " + argument);
        String key = argument.substring(0, split);
        String value = argument.substring(split + 1);
        assertTrue(value.chars().noneMatch(c -> ESCAPED_BY_HELM_JAVA.indexOf(c) >= 0),
                "helm-java would escape the value of " + argument);

        String helmJson = null;
        String helmError = null;
        try {
            String out = chart.command().withName("t").set(key, value).call();
            int at = out.indexOf(DUMP_MARKER);
            assertTrue(at >= 0, out);
            helmJson = out.substring(at + DUMP_MARKER.length()).trim();
        } catch (IllegalStateException e) {
            helmError = e.getMessage();
        }

        String ourJson = null;
        String ourError = null;
        Map<String, Object> target = new LinkedHashMap<>();
        try {
            SetParser.parseInto(argument, target);
            ourJson = JSON.writeValueAsString(target);
        } catch (SetSyntaxException e) {
            ourError = "failed parsing --set data: " + e.getReason();
        }

        assertEquals(helmError, ourError, () -> "error for " + argument);
        if (helmJson != null) {
            JsonNode expected = JSON.readTree(helmJson);
            JsonNode actual = JSON.readTree(ourJson);
            assertEquals(expected, actual, () -> "values for " + argument);
        }
        return helmError == null;
    }
}
