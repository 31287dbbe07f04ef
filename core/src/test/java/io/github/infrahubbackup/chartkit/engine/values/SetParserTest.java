package io.github.infrahubbackup.chartkit.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.engine.values.SetParser.SetSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven checks of {@link SetParser}; expectations reasoned from Helm 3's {@code pkg/strvals} parser and its
 * test table (re-expressed, with extra edge cases).
 */
class SetParserTest {

    // ---------------------------------------------------------------------------------------------
    // --set, successful parses

    static Stream<Arguments> setCases() {
        return Stream.of(
                // plain pairs
                ok("name1=value1", m("name1", "value1")),
                ok("name1=value1,name2=value2", m("name1", "value1", "name2", "value2")),
                ok("name1=value1,name2=value2,", m("name1", "value1", "name2", "value2")),
                ok("name1=one two three,name2=three two one",
                        m("name1", "one two three", "name2", "three two one")),
                ok(" k = v ", m(" k ", " v ")),
                ok("a=b=c", m("a", "b=c")),
                ok("ключ=значение,emoji=😀", m("ключ", "значение", "emoji", "😀")),
                ok("", m()),
                // typing
                ok("name1=null,f=false,t=true", m("name1", null, "f", false, "t", true)),
                ok("T=TRUE,F=False,N=NuLl", m("T", true, "F", false, "N", null)),
                ok("zero=0", m("zero", 0L)),
                ok("long_int=1234567890", m("long_int", 1234567890L)),
                ok("neg=-42,plus=+7", m("neg", -42L, "plus", 7L)),
                ok("negzero=-0,negzeros=-012", m("negzero", 0L, "negzeros", -12L)),
                ok("leading_zeros=00009,zero_dot=0.5", m("leading_zeros", "00009", "zero_dot", "0.5")),
                ok("f=1.5,e=1e3,h=0x1f,u=1_000,s=+,d=١٢",
                        m("f", "1.5", "e", "1e3", "h", "0x1f", "u", "1_000", "s", "+", "d", "١٢")),
                ok("max=9223372036854775807,min=-9223372036854775808,over=9223372036854775808",
                        m("max", Long.MAX_VALUE, "min", Long.MIN_VALUE, "over", "9223372036854775808")),
                ok("yes=yes,on=on,tilde=~", m("yes", "yes", "on", "on", "tilde", "~")),
                // empty values
                ok("empty=", m("empty", "")),
                ok("name1=,name2=value2", m("name1", "", "name2", "value2")),
                // escapes
                ok("name1=one\\,two,name2=three\\,four", m("name1", "one,two", "name2", "three,four")),
                ok("name1=one\\=two,name2=three\\=four", m("name1", "one=two", "name2", "three=four")),
                ok("a\\.b=c,d\\[0\\]=e", m("a.b", "c", "d[0]", "e")),
                ok("back=x\\\\y,n=a\\nb", m("back", "x\\y", "n", "anb")),
                ok("a=1\\", m("a", 1L)),
                // nested maps
                ok("outer.inner=value", m("outer", m("inner", "value"))),
                ok("outer.middle.inner=value", m("outer", m("middle", m("inner", "value")))),
                ok("outer.inner1=value,outer.inner2=value2", m("outer", m("inner1", "value", "inner2", "value2"))),
                ok("outer.inner1=value,outer.middle.inner=value",
                        m("outer", m("inner1", "value", "middle", m("inner", "value")))),
                ok("name1.name2=", m("name1", m("name2", ""))),
                ok("name1.", m()),
                ok(dotted(30) + "=deep", nestedMap(30, "deep")),
                // brace lists
                ok("name1={value1,value2}", m("name1", l("value1", "value2"))),
                ok("name1={value1,value2},name2={value1,value2}",
                        m("name1", l("value1", "value2"), "name2", l("value1", "value2"))),
                ok("name1={1021,902}", m("name1", l(1021L, 902L))),
                ok("name1={true,null,0,x,1.5}", m("name1", l(true, null, 0L, "x", "1.5"))),
                ok("name1={}", m("name1", l(""))),
                ok("name1={a\\,b,c\\}}", m("name1", l("a,b", "c}"))),
                ok("name1.name2={value1,value2}", m("name1", m("name2", l("value1", "value2")))),
                ok("a={x}y=1", m("a", l("x"), "y", 1L)),
                ok("a= {x}", m("a", " {x}")),
                // indexed lists
                ok("list[0]=foo", m("list", l("foo"))),
                ok("list[0]=foo,list[1]=bar,", m("list", l("foo", "bar"))),
                ok("list[0]=foo,list[3]=bar", m("list", l("foo", null, null, "bar"))),
                ok("list[0].foo=bar", m("list", l(m("foo", "bar")))),
                ok("list[0].foo=bar,list[0].hello=world", m("list", l(m("foo", "bar", "hello", "world")))),
                ok("nested[0][0]=1", m("nested", l(l(1L)))),
                ok("nested[1][1]=1", m("nested", l(null, l(null, 1L)))),
                ok("name1.name2[0].foo=bar,name1.name2[1].foo=bar",
                        m("name1", m("name2", l(m("foo", "bar"), m("foo", "bar"))))),
                ok("name1.name2[1].foo=bar,name1.name2[0].foo=bar",
                        m("name1", m("name2", l(m("foo", "bar"), m("foo", "bar"))))),
                ok("name1.name2[1].foo=bar", m("name1", m("name2", l(null, m("foo", "bar"))))),
                ok("noval[0]", m("noval", l())),
                ok("noval[0]=", m("noval", l(""))),
                ok("noval[0].", m("noval", l())),
                ok("l[0]={a,b},l[1][0]=c", m("l", l(l("a", "b"), l("c")))),
                ok("a[+1]=x,b[-0]=y,c[007]=z", m("a", l(null, "x"), "b", l("y"), "c", l(null, null, null, null,
                        null, null, null, "z"))),
                // empty keys are dropped silently
                ok("[0]=x,=y,.z=1,w=2", m("w", 2L)));
    }

    @ParameterizedTest(name = "--set {0}")
    @MethodSource("setCases")
    void parsesSetArguments(String argument, Map<String, Object> expected) {
        Map<String, Object> target = new LinkedHashMap<>();
        SetParser.parseInto(argument, target);
        assertEquals(expected, target);
        assertContainerTypes(target);
    }

    // ---------------------------------------------------------------------------------------------
    // --set-string

    static Stream<Arguments> setStringCases() {
        return Stream.of(
                ok("long_int_string=1234567890", m("long_int_string", "1234567890")),
                ok("boolean=true,is_null=null,zero=0", m("boolean", "true", "is_null", "null", "zero", "0")),
                ok("l={1,true,null},x[1]=5", m("l", l("1", "true", "null"), "x", l(null, "5"))),
                ok("a.b=-7,e=", m("a", m("b", "-7"), "e", "")));
    }

    @ParameterizedTest(name = "--set-string {0}")
    @MethodSource("setStringCases")
    void parsesSetStringArguments(String argument, Map<String, Object> expected) {
        Map<String, Object> target = new LinkedHashMap<>();
        SetParser.parseStringInto(argument, target);
        assertEquals(expected, target);
    }

    @Test
    void setStringMergesIntoExistingValues() {
        Map<String, Object> target = m("outer", m("inner1", "overwrite", "inner2", "value2"));
        SetParser.parseStringInto("outer.inner1=1,outer.inner3=3", target);
        assertEquals(m("outer", m("inner1", "1", "inner2", "value2", "inner3", "3")), target);
    }

    // ---------------------------------------------------------------------------------------------
    // Successive --set flags

    static Stream<Arguments> mergeCases() {
        return Stream.of(
                Arguments.of(m("outer", m("inner1", "overwrite", "inner2", "value2")),
                        List.of("outer.inner1=value1,outer.inner3=value3,outer.inner4=4"),
                        m("outer", m("inner1", "value1", "inner2", "value2", "inner3", "value3", "inner4", 4L))),
                Arguments.of(m(), List.of("listOuter[0][0].type=listValue", "listOuter[0][0].status=alive"),
                        m("listOuter", l(l(m("type", "listValue", "status", "alive"))))),
                Arguments.of(m(), List.of("listOuter[0][0].type=listValue", "listOuter[1][0].status=alive"),
                        m("listOuter", l(l(m("type", "listValue")), l(m("status", "alive"))))),
                Arguments.of(m("listOuter", l(l(l(m("exited", "old"))))),
                        List.of("listOuter[0][1][0].type=listValue", "listOuter[0][0][1].status=alive"),
                        m("listOuter", l(l(l(m("exited", "old"), m("status", "alive")), l(m("type", "listValue")))))),
                Arguments.of(m(), List.of("a=1", "a=2"), m("a", 2L)),
                Arguments.of(m(), List.of("a={x,y,z}", "a[1]=q"), m("a", l("x", "q", "z"))),
                Arguments.of(m(), List.of("a.b=1", "a=str"), m("a", "str")),
                Arguments.of(m(), List.of("a=str", "a={b}"), m("a", l("b"))),
                Arguments.of(m(), List.of("a[0]=x", "a[2]=y"), m("a", l("x", null, "y"))),
                Arguments.of(m(), List.of("a={p,q}", "a[1].k=v"), m("a", l("p", m("k", "v")))),
                Arguments.of(m(), List.of("a.b=1", "a=null"), m("a", null)),
                Arguments.of(m("keep", "me"), List.of("a.b.c=1", "a.b.d=2", "a.e=3"),
                        m("keep", "me", "a", m("b", m("c", 1L, "d", 2L), "e", 3L))));
    }

    @ParameterizedTest(name = "{1} into {0}")
    @MethodSource("mergeCases")
    void mergesSuccessiveArguments(Map<String, Object> target, List<String> arguments, Map<String, Object> expected) {
        for (String argument : arguments) {
            SetParser.parseInto(argument, target);
        }
        assertEquals(expected, target);
    }

    // ---------------------------------------------------------------------------------------------
    // Errors: Helm's message, and the pairs before the error stay applied (as in Helm's ParseInto)

    static Stream<Arguments> errorCases() {
        return Stream.of(
                err("name1", "key \"name1\" has no value", m()),
                err("a=1,b", "key \"b\" has no value", m("a", 1L)),
                err("a\\", "key \"a\" has no value", m()),
                err("name1,name2=value2", "key \"name1\" has no value (cannot end with ,)", m("name1", "")),
                err("name1,name2", "key \"name1\" has no value (cannot end with ,)", m("name1", "")),
                err("name1=value1,,,,name2=value2,", "key \"\" has no value (cannot end with ,)",
                        m("name1", "value1")),
                err("name1.name2", "key \"name2\" has no value", m()),
                err("name1.name2,name1.name3", "key \"name2\" has no value (cannot end with ,)",
                        m("name1", m("name2", ""))),
                err("name1.=name2", "key map \"name1\" has no value", m()),
                err("name1.,name2", "key \"\" has no value (cannot end with ,)", m()),
                err("name1={1021,902", "list must terminate with '}'", m()),
                err("a={x}y", "key \"y\" has no value", m("a", l("x"))),
                err("list[0].foo=bar,list[-30].hello=world", "negative -30 index not allowed",
                        m("list", l(m("foo", "bar")))),
                err("list[0]=foo,list[-20]=bar", "negative -20 index not allowed", m("list", l("foo"))),
                err("illegal[0]name.foo=bar", "unexpected data at end of array index: ['n' 'a' 'm' 'e']",
                        m("illegal", l())),
                err("q[0]'x=1", "unexpected data at end of array index: ['\\'' 'x']", m("q", l())),
                err("a[x]=1", "error parsing index: strconv.Atoi: parsing \"x\": invalid syntax", m()),
                err("a[]=1", "error parsing index: strconv.Atoi: parsing \"\": invalid syntax", m()),
                err("a[1.5]=1", "error parsing index: strconv.Atoi: parsing \"1.5\": invalid syntax", m()),
                err("a[99999999999999999999]=1",
                        "error parsing index: strconv.Atoi: parsing \"99999999999999999999\": value out of range", m()),
                err("a[0][y]=1", "error parsing index: strconv.Atoi: parsing \"y\": invalid syntax", m("a", l())),
                err("a[0", "error parsing index: EOF", m()),
                err("a[0][1", "error parsing index: EOF", m("a", l())),
                err("a[65537]=x", "index of 65537 is greater than maximum supported index of 65536", m("a", l())),
                err("a[0][65537]=x", "index of 65537 is greater than maximum supported index of 65536",
                        m("a", l())),
                err("]={}].", "unable to parse key: interface conversion: interface {} is []interface {}, "
                        + "not map[string]interface {}", m("]", l(""))),
                err("a=1,a.b=2", "unable to parse key: interface conversion: interface {} is int64, "
                        + "not map[string]interface {}", m("a", 1L)),
                err("a=x,a[0]=y", "unable to parse key: interface conversion: interface {} is string, "
                        + "not []interface {}", m("a", "x")),
                err("a=null,a.b=1", "unable to parse key: interface conversion: interface {} is nil, "
                        + "not map[string]interface {}", m("a", null)),
                err("a.b=true,a.b[0]=1", "unable to parse key: interface conversion: interface {} is bool, "
                        + "not []interface {}", m("a", m("b", true))),
                err("a[0]=x,a[0][0]=y", "unable to parse key: interface conversion: interface {} is string, "
                        + "not []interface {}", m("a", l("x"))),
                err(dotted(31) + "=deep",
                        "value name nested level is greater than maximum supported nested level of 30", m()),
                err("k\"=1,x", "key \"x\" has no value", m("k\"", 1L)),
                err("tab\t,", "key \"tab\\t\" has no value (cannot end with ,)", m("tab\t", "")));
    }

    @ParameterizedTest(name = "--set {0} fails")
    @MethodSource("errorCases")
    void rejectsMalformedArguments(String argument, String reason, Map<String, Object> partial) {
        Map<String, Object> target = new LinkedHashMap<>();
        SetSyntaxException e = assertThrows(SetSyntaxException.class, () -> SetParser.parseInto(argument, target));
        assertEquals(reason, e.getReason());
        assertEquals(argument, e.getArgument());
        assertEquals("--set", e.getFlag());
        assertTrue(e.getMessage().startsWith("failed parsing --set data \""), e.getMessage());
        assertTrue(e.getMessage().endsWith(": " + reason), e.getMessage());
        assertEquals(partial, target);
    }

    // "x[i].k=..." on an element that is not a map silently replaces it with a map (Helm's out-of-order rule).
    @Test
    void outOfOrderMapReplacesScalarListElement() {
        Map<String, Object> target = new LinkedHashMap<>();
        SetParser.parseInto("a[0]={x},a[0].b=1,c=2", target);
        assertEquals(m("a", l(m("b", 1L)), "c", 2L), target);
    }

    @Test
    void errorMessageNamesTheArgumentAndFlag() {
        SetSyntaxException e = assertThrows(SetSyntaxException.class,
                () -> SetParser.parseStringInto("ok=1,x", new LinkedHashMap<>()));
        assertEquals("failed parsing --set-string data \"ok=1,x\": key \"x\" has no value", e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e);
        assertEquals("--set-string", e.getFlag());
    }

    @Test
    void argumentIsQuotedLikeGo() {
        SetSyntaxException e = assertThrows(SetSyntaxException.class,
                () -> SetParser.parseInto("a\\\"b\nc", new LinkedHashMap<>()));
        assertEquals("failed parsing --set data \"a\\\\\\\"b\\nc\": key \"a\\\"b\\nc\" has no value", e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------
    // Limits and containers

    @Test
    void largestIndexIsAccepted() {
        Map<String, Object> target = new LinkedHashMap<>();
        SetParser.parseInto("a[65536]=x", target);
        List<?> list = (List<?>) target.get("a");
        assertEquals(65537, list.size());
        assertEquals("x", list.get(65536));
        assertNull(list.get(0));
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> SetParser.parseInto(null, new LinkedHashMap<>()));
        assertThrows(NullPointerException.class, () -> SetParser.parseInto("a=1", null));
    }

    @Test
    void createsLinkedHashMapsAndArrayLists() {
        Map<String, Object> target = new LinkedHashMap<>();
        SetParser.parseInto("a.b[1].c={x},z=1", target);
        assertInstanceOf(LinkedHashMap.class, target.get("a"));
        assertContainerTypes(target);
        assertEquals(List.of("a", "z"), new ArrayList<>(target.keySet()));
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    private static Arguments ok(String argument, Map<String, Object> expected) {
        return Arguments.of(argument, expected);
    }

    private static Arguments err(String argument, String reason, Map<String, Object> partial) {
        return Arguments.of(argument, reason, partial);
    }

    static Map<String, Object> m(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> l(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** {@code k0.k1....kN} with {@code dots} dots. */
    static String dotted(int dots) {
        StringBuilder key = new StringBuilder("k0");
        for (int i = 1; i <= dots; i++) {
            key.append(".k").append(i);
        }
        return key.toString();
    }

    private static Map<String, Object> nestedMap(int dots, Object leaf) {
        Object value = leaf;
        for (int i = dots; i >= 0; i--) {
            value = m("k" + i, value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    private static void assertContainerTypes(Object value) {
        if (value instanceof Map<?, ?> map) {
            assertInstanceOf(LinkedHashMap.class, map);
            map.values().forEach(SetParserTest::assertContainerTypes);
        } else if (value instanceof List<?> list) {
            assertInstanceOf(ArrayList.class, list);
            list.forEach(SetParserTest::assertContainerTypes);
        } else if (value != null) {
            assertTrue(value instanceof String || value instanceof Long || value instanceof Boolean,
                    () -> "unexpected leaf type " + value.getClass());
        }
    }
}
