package io.github.infrahubbackup.chartkit.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go's filepath.Match, as its documentation and its own test table define it (a malformed
 * pattern, an error in Go, matches nothing here: Helm's --show-only ignores the error).
 * helm-java cannot run --show-only, so these cases stand in for Helm.
 */
class GoPathMatchTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
        "abc abc true", "* abc true", "*c abc true", "a* a true", "a* abc true", "a* ab/c false",
        "a*/b abc/b true", "a*/b a/c/b false", "a*b*c*d*e*/f axbxcxdxe/f true", "a*b*c*d*e*/f axbxcxdxexxx/f true",
        "a*b*c*d*e*/f axbxcxdxe/xxx/f false", "a*b*c*d*e*/f axbxcxdxexxx/fff false",
        "a*b?c*x abxbbxdbxebxczzx true", "a*b?c*x abxbbxdbxebxczzy false",
        "ab[c] abc true", "ab[b-d] abc true", "ab[e-g] abc false", "ab[^c] abc false", "ab[^b-d] abc false", "ab[^e-g] abc true",
        "a\\*b a*b true", "a\\*b ab false", "a?b a☺b true", "a[^a]b a☺b true", "a???b a☺b false", "a[^a][^a][^a]b a☺b false",
        "[a-ζ]* α true", "*[a-ζ] A false", "a?b a/b false", "a*b a/b false",
        "[\\]a] ] true", "[\\-] - true", "[x\\-] x true", "[x\\-] - true", "[x\\-] z false",
        "[\\-x] x true", "[\\-x] - true", "[\\-x] a false",
        "[]a] ] false", "[-] - false", "[x-] x false", "[-x] x false", "\\ a false", "[a-b-c] a false",
        "[ a false", "[^ a false", "[^bc a false", "a[ a false", "a[ ab false", "a/b[ x false", "*x xxx true",
        "templates/{role,rolebinding}.yaml templates/role.yaml false", "templates/[!r]*.yaml templates/serviceaccount.yaml false",
        "templates/*.yaml templates/role.yaml true", "* templates/role.yaml false", "*/* templates/role.yaml true"
    })
    void matchesAsGoDoes(String pattern, String name, boolean expected) {
        assertEquals(expected, GoPathMatch.matches(pattern, name));
    }
}
