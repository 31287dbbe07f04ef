package io.github.infrahubbackup.chartkit.golden;

import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.NativeStderr;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.InvalidValuesException;
import io.github.infrahubbackup.chartkit.Problem;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values files at the edges of YAML and of the chart's values, each read and rendered by the
 * library and by real Helm: both must refuse it, or both must print the same bytes. A refusal by
 * the library must name a place (file and line) or a key path.
 *
 * <p>The cases come in families (how go-yaml v2 reads YAML, limits, nulls and out-of-range
 * numbers, line separators); each family has several cases beyond the obvious one.
 */
@Tag("helm")
class EdgeCaseAgreementTest {
    private static final Release RELEASE = Release.named("edge").in("infrahub");
    /** A valid base most cases add to: a backup Job to S3, so that pod-level values render. */
    private static final String BACKUP = "backup:\n  enabled: true\n  storage:\n    s3:\n      bucket: archives\n";

    /**
     * The cases the library refuses on purpose although Helm renders them (see the README's
     * "What the library refuses that Helm accepts"), with a fragment of the library's message.
     */
    private static final Map<String, String> STRICTER = Map.of(
            "nine-thousand-deep-flow", "nested deeper than 1000 levels",
            "thousand-and-one-separating-tabs", "more than 1000 tabs separate keys from values",
            "nine-megabytes-of-comments", "the file is larger than 8388608 characters",
            "a-million-and-one-values", "more than 1000000 values");

    @TempDir
    static Path work;

    private static HelmChart helm;
    private static HelmChart umbrella;

    @BeforeAll
    static void setUp() throws IOException {
        helm = HelmChart.copyOf(ProjectFolder.CHART, Files.createDirectories(work.resolve("chart")));
        umbrella = HelmChart.umbrellaOf(ProjectFolder.UMBRELLA, ProjectFolder.CHART, "infrahub-backup", Files.createDirectories(work.resolve("umbrella")));
    }

    /** Case name to the bytes of the values file. */
    static Map<String, byte[]> cases() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        // --- reading YAML as go-yaml v2 does
        text(cases, "merge-key-map", "global: {a: &a {team: blue, tier: db}}\ncommonLabels:\n  <<: *a\n  app: x\n");
        text(cases, "merge-key-list", "global:\n  a: &a {team: blue}\n  b: &b {team: red, tier: db}\ncommonLabels:\n  <<: [*a, *b]\n  app: x\n");
        text(cases, "merge-key-in-list-items", BACKUP + "global: {env: &env {name: A, value: \"1\"}}\nextraEnv:\n  - <<: *env\n  - <<: *env\n    name: B\n");
        text(cases, "merge-key-explicit-before", "global: {a: &a {team: blue}}\ncommonLabels:\n  team: red\n  <<: *a\n");
        text(cases, "merge-key-explicit-after", "global: {a: &a {team: blue}}\ncommonLabels:\n  <<: *a\n  team: red\n");
        text(cases, "merge-key-inline-map", "commonLabels:\n  <<: {team: blue}\n  app: x\n");
        text(cases, "merge-key-not-a-map", "global: {a: &a [x]}\ncommonLabels:\n  <<: *a\n");
        text(cases, "merge-key-scalar", "commonLabels:\n  <<: blue\n");
        text(cases, "merge-key-quoted", "commonLabels:\n  \"<<\": blue\n");
        text(cases, "merge-key-quoted-map", BACKUP + "podAnnotations: {\"<<\": {team: blue}}\n");
        text(cases, "merge-key-tagged", BACKUP + "podAnnotations: {!!merge <<: {team: blue}, note: x}\n");
        text(cases, "merge-key-nested", BACKUP + "global: {a: &a {team: blue}, b: &b {<<: *a, tier: db}}\npodAnnotations: {<<: *b, note: x}\n");
        text(cases, "merge-key-list-with-scalar", BACKUP + "global: {a: &a {team: blue}}\npodAnnotations: {<<: [*a, x]}\n");
        text(cases, "merge-key-twice", BACKUP + "global: {a: &a {team: blue}, b: &b {team: red}}\npodAnnotations: {<<: *a, note: x, <<: *b}\n");
        text(cases, "merge-key-in-values-of-lists", BACKUP + "global: {t: &t {key: a, operator: Exists}}\ntolerations: [{<<: *t, effect: NoSchedule}, {<<: *t}]\n");
        text(cases, "merge-key-recursive", "global: &g {a: {<<: *g}}\n");
        text(cases, "billion-laughs", laughs());
        text(cases, "duplicate-keys", BACKUP + "podAnnotations: {note: a, note: b}\n");
        text(cases, "tab-after-colon-and-space", "commonLabels:\n  team: \t blue\n");
        text(cases, "tab-before-nested-map", "commonLabels:\t\n  team: blue\n");
        text(cases, "tab-after-question", "commonLabels:\n  ?\tteam\n  : blue\n");
        text(cases, "tab-after-flow-comma", BACKUP + "imagePullSecrets: [{name: a},\t{name: b}]\n");
        text(cases, "tab-in-quoted", BACKUP + "podAnnotations: {note: \"a\tb\"}\n");
        text(cases, "tab-in-block-scalar", BACKUP + "podAnnotations:\n  note: |\n    a\tb\n");
        text(cases, "two-documents", "commonLabels: {team: blue}\n---\ncommonLabels: {team: red}\n");
        text(cases, "empty-first-document", "---\n---\ncommonLabels: {team: red}\n");
        text(cases, "document-end-marker", "commonLabels: {team: blue}\n...\n");
        text(cases, "empty-file", "");
        text(cases, "only-comments", "# nothing\n# at all\n");
        text(cases, "null-document", "null\n");
        text(cases, "tilde-document", "~\n");
        text(cases, "list-document", "- a\n- b\n");
        text(cases, "scalar-document", "hello\n");
        text(cases, "merge-key-at-root", "global: {a: &a {enabled: true}}\n<<: {rbac: {create: false}}\n");
        text(cases, "alias-as-key", BACKUP + "global: {k: &k team}\npodAnnotations: {*k : blue}\n");
        text(cases, "explicit-key", BACKUP + "podAnnotations:\n  ? team\n  : blue\n");
        text(cases, "long-key-1100", BACKUP + "podAnnotations: {" + "k".repeat(1100) + ": blue}\n");
        text(cases, "raw-nel-in-plain", BACKUP + "podAnnotations:\n  note: a\u0085b\n");
        text(cases, "raw-ls-in-plain", BACKUP + "podAnnotations:\n  note: a\u2028b\n");
        text(cases, "raw-ls-in-quoted", BACKUP + "podAnnotations:\n  note: \"a\u2028b\"\n");
        text(cases, "raw-control-char", BACKUP + "podAnnotations:\n  note: \"a\u0001b\"\n");
        text(cases, "raw-del", BACKUP + "podAnnotations:\n  note: \"a\u007fb\"\n");
        text(cases, "raw-c1", BACKUP + "podAnnotations:\n  note: \"a\u0090b\"\n");
        text(cases, "escaped-c1", BACKUP + "podAnnotations:\n  note: \"a\\x90b\\u0001\"\n");
        text(cases, "bom-in-middle", BACKUP + "podAnnotations:\n  note: \"a\ufeffb\"\n");
        text(cases, "fffe-escaped", BACKUP + "podAnnotations:\n  note: \"a\\ufffeb\"\n");
        text(cases, "nul-escaped", BACKUP + "podAnnotations:\n  note: \"a\\0b\"\n");
        text(cases, "folded-block", BACKUP + "podAnnotations:\n  note: >\n    a\n    b\n\n    c\n");
        text(cases, "literal-keep", BACKUP + "podAnnotations:\n  note: |+\n    a\n\n");
        text(cases, "literal-strip-indent", BACKUP + "podAnnotations:\n  note: |2-\n      a\n     b\n");
        text(cases, "plain-multiline", BACKUP + "podAnnotations:\n  note: a\n    b\n\n    c\n");
        text(cases, "single-quoted-multiline", BACKUP + "podAnnotations:\n  note: 'a\n    b'\n");
        text(cases, "octal-and-hex-values", BACKUP + "job: {backoffLimit: 0o7, activeDeadlineSeconds: 0x10}\ncronJob: {successfulJobsHistoryLimit: 010}\n");
        text(cases, "underscore-number", BACKUP + "job: {backoffLimit: 1_0}\n");
        text(cases, "sexagesimal", BACKUP + "job: {backoffLimit: 1:30}\n");
        text(cases, "bool-words", "backup: {enabled: on, storage: {s3: {bucket: archives}}}\nrbac: {create: n}\n");
        StringBuilder tabs = new StringBuilder(BACKUP + "podAnnotations:\n");
        for (int i = 0; i < 1000; i++) {
            tabs.append("  note-").append(i).append(":\tx\n");
        }
        text(cases, "thousand-separating-tabs", tabs.toString());
        text(cases, "thousand-and-one-separating-tabs", tabs + "  note-1000:\tx\n");
        text(cases, "tab-after-colon", "commonLabels:\n  team:\tblue\n");
        text(cases, "tab-before-comment", "commonLabels:\n  team: blue\t# the team\n");
        text(cases, "tab-inside-plain", "commonLabels:\n  team: blue\tgreen\n");
        text(cases, "tab-indentation", "commonLabels:\n\tteam: blue\n");
        text(cases, "tab-after-dash", BACKUP + "imagePullSecrets:\n  -\t{name: regcred}\n");
        text(cases, "tab-in-flow", "commonLabels: {team:\tblue,\tapp: x}\n");
        bytes(cases, "utf8-bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "commonLabels: {team: blue}\n".getBytes(StandardCharsets.UTF_8)));
        bytes(cases, "utf16le-bom", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "commonLabels: {team: bl\u00e9u}\n".getBytes(StandardCharsets.UTF_16LE)));
        bytes(cases, "utf16be-bom", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "commonLabels: {team: bl\u00e9u}\n".getBytes(StandardCharsets.UTF_16BE)));
        text(cases, "yaml-1.1-directive", "%YAML 1.1\n---\ncommonLabels: {team: blue}\n");
        text(cases, "yaml-1.2-directive", "%YAML 1.2\n---\ncommonLabels: {team: blue}\n");
        text(cases, "yaml-2.0-directive-after-comment", "# values\n%YAML 2.0\n---\ncommonLabels: {team: blue}\n");
        bytes(cases, "yaml-1.2-directive-after-bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "%YAML 1.2\n---\ncommonLabels: {team: blue}\n".getBytes(StandardCharsets.UTF_8)));
        bytes(cases, "not-utf8", concat("commonLabels: {team: \"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}', '\n'}));
        bytes(cases, "utf16le-bom-bad-surrogate", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, concat("commonLabels: {team: \"".getBytes(StandardCharsets.UTF_16LE), new byte[] {0x00, (byte) 0xD8, '"', 0, '}', 0, '\n', 0})));
        text(cases, "tag-directive", "%TAG !e! tag:example.com,2000:\n---\ncommonLabels: {team: !e!x blue}\n");
        text(cases, "tag-binary", BACKUP + "podAnnotations: {note: !!binary Ymx1ZQ==}\n");
        text(cases, "tag-binary-multiline", BACKUP + "podAnnotations:\n  note: !!binary |\n    Ymx1\n    ZQ==\n");
        text(cases, "tag-binary-not-utf8", BACKUP + "podAnnotations: {note: !!binary /w==, other: !!binary 4oKs/+KC}\n");
        text(cases, "tag-binary-unpadded", BACKUP + "podAnnotations: {note: !!binary Ymx1ZQ}\n");
        text(cases, "tag-binary-bad", BACKUP + "podAnnotations: {note: !!binary 'not base64!'}\n");
        text(cases, "tag-str-on-number", BACKUP + "podAnnotations: {note: !!str 12}\n");
        text(cases, "tag-str-on-bool", BACKUP + "podAnnotations: {note: !!str yes}\n");
        text(cases, "tag-int-on-text", BACKUP + "podAnnotations: {note: !!int blue}\n");
        text(cases, "tag-int-on-quoted-number", "cronJob: {successfulJobsHistoryLimit: !!int \"5\"}\n");
        text(cases, "tag-int-on-number", "cronJob: {successfulJobsHistoryLimit: !!int 5}\n");
        text(cases, "tag-int-on-float", "cronJob: {successfulJobsHistoryLimit: !!int 5.0}\n");
        text(cases, "tag-float-on-int", "cronJob: {successfulJobsHistoryLimit: !!float 5}\n");
        text(cases, "tag-null-on-text", BACKUP + "podAnnotations: {note: !!null blue}\n");
        text(cases, "tag-null-on-tilde", BACKUP + "job: {ttlSecondsAfterFinished: !!null ~}\n");
        text(cases, "tag-bool-on-text", BACKUP + "podAnnotations: {note: !!bool blue}\n");
        text(cases, "tag-bool-on-yes", "backup: {enabled: !!bool yes, storage: {s3: {bucket: archives}}}\n");
        text(cases, "tag-custom", BACKUP + "podAnnotations: {note: !custom blue}\n");
        text(cases, "tag-custom-verbatim", BACKUP + "podAnnotations: {note: !<tag:example.com,2000:x> blue}\n");
        text(cases, "tag-timestamp", BACKUP + "podAnnotations: {note: !!timestamp 2001-12-14}\n");
        text(cases, "tag-timestamp-on-text", BACKUP + "podAnnotations: {note: !!timestamp blue}\n");
        text(cases, "escape-surrogate-pair", BACKUP + "podAnnotations: {note: \"\\ud83d\\ude00\"}\n");
        text(cases, "escape-lone-surrogate", BACKUP + "podAnnotations: {note: \"\\ud800\"}\n");
        text(cases, "escape-surrogate-in-key", BACKUP + "podAnnotations: {\"a\\udc00\": x}\n");
        text(cases, "escape-big-u", BACKUP + "podAnnotations: {note: \"\\U0001F600 \\u00e9 \\x41\"}\n");
        text(cases, "escape-beyond-unicode", BACKUP + "podAnnotations: {note: \"\\U00110000\"}\n");
        text(cases, "escaped-backslash-before-u", BACKUP + "podAnnotations: {note: \"\\\\ud800\"}\n");
        text(cases, "single-quoted-backslash-u", BACKUP + "podAnnotations: {note: '\\ud800'}\n");
        text(cases, "key-null", BACKUP + "affinity: {~: blue}\n");
        text(cases, "key-empty-null", BACKUP + "affinity: {? : blue}\n");
        text(cases, "key-int", BACKUP + "affinity: {12: blue, -7: red, 0x1F: hex, 0o17: octal, 1_000: under}\n");
        text(cases, "key-float", BACKUP + "affinity: {1.5: blue, 0.1: red, -2.25: green}\n");
        text(cases, "key-float-long", BACKUP + "affinity: {3.14159265358979: blue, 0.000012345678: small}\n");
        text(cases, "key-float-exp", BACKUP + "affinity: {1e6: blue, 100000.0: red, 123456789.0: big, 1e-5: tiny}\n");
        text(cases, "key-big-int", BACKUP + "affinity: {99999999999999999999: blue}\n");
        text(cases, "key-uint64", BACKUP + "affinity: {18446744073709551615: blue}\n");
        text(cases, "key-int64-max", BACKUP + "affinity: {9223372036854775807: blue, -9223372036854775808: red}\n");
        text(cases, "key-bool", BACKUP + "affinity: {true: blue, no: red, On: green}\n");
        text(cases, "key-inf-nan", BACKUP + "affinity: {.inf: blue, -.Inf: red, .nan: green}\n");
        text(cases, "key-tagged", BACKUP + "affinity: {!!str 12: blue, !!binary Ymx1ZQ==: red}\n");
        text(cases, "key-timestamp", BACKUP + "affinity: {2001-12-14: blue}\n");
        text(cases, "key-float-huge", BACKUP + "affinity: {1e300: blue}\n");
        // --- limits
        StringBuilder aliases = new StringBuilder("global:\n  base: &b {team: blue, tier: db}\n  copies:\n");
        for (int i = 0; i < 60; i++) {
            aliases.append("    c").append(i).append(": *b\n");
        }
        text(cases, "sixty-aliases-to-one-map", aliases.toString());
        text(cases, "three-hundred-deep-block", "global:\n" + nested(300) + "\n");
        text(cases, "nine-thousand-deep-flow", "global: {x: " + "[".repeat(9_000) + "]".repeat(9_000) + "}\n");
        text(cases, "twenty-thousand-deep-flow", "global: {x: " + "[".repeat(20_000) + "]".repeat(20_000) + "}\n");
        text(cases, "seventy-deep-under-global", "global:\n" + nested(70) + "\n");
        StringBuilder comments = new StringBuilder();
        while (comments.length() < 3_000_000) {
            comments.append("# a comment line that says nothing at all, repeated to make a big file\n");
        }
        text(cases, "three-megabytes-of-comments", comments + "commonLabels: {team: blue}\n");
        StringBuilder nine = new StringBuilder();
        while (nine.length() < 9_000_000) {
            nine.append("# a comment line that says nothing at all, repeated to make a big file\n");
        }
        text(cases, "nine-megabytes-of-comments", nine + "commonLabels: {team: blue}\n");
        StringBuilder million = new StringBuilder("global:\n  many: [");
        for (int i = 0; i < 1_000_001; i++) {
            million.append(i == 0 ? "" : ",").append(i % 10);
        }
        text(cases, "a-million-and-one-values", million.append("]\n").toString());
        StringBuilder many = new StringBuilder("global:\n  many:\n");
        for (int i = 0; i < 250_000; i++) {
            many.append("    - ").append(i % 10).append('\n');
        }
        text(cases, "quarter-million-values", many.toString());
        // --- nulls and numbers out of range
        text(cases, "backup-null", "backup: null\n");
        text(cases, "backup-storage-null", "backup:\n  enabled: true\n  storage: null\n");
        text(cases, "backup-s3-null", "backup:\n  enabled: true\n  storage:\n    s3: null\n");
        text(cases, "restore-null", "restore: null\n");
        text(cases, "image-null", "image: null\n");
        text(cases, "image-repository-null", BACKUP + "image:\n  repository: null\n");
        text(cases, "image-tag-null", BACKUP + "image:\n  tag: null\n");
        text(cases, "service-account-null", "serviceAccount: null\n");
        text(cases, "cronjob-null", BACKUP + "  mode: cronjob\ncronJob: null\n");
        text(cases, "pod-security-context-null", BACKUP + "podSecurityContext: null\n");
        text(cases, "resources-null", BACKUP + "resources: null\n");
        text(cases, "ttl-1e19", BACKUP + "job: {ttlSecondsAfterFinished: 1e19}\n");
        text(cases, "ttl-1e300", BACKUP + "job: {ttlSecondsAfterFinished: 1e300}\n");
        text(cases, "active-deadline-1e19", BACKUP + "job: {activeDeadlineSeconds: 1e19}\n");
        text(cases, "retention-days-1e19", BACKUP + "  retention: {days: 1e19}\n");
        text(cases, "starting-deadline-huge", BACKUP + "  mode: cronjob\ncronJob: {startingDeadlineSeconds: 99999999999999999999}\n");
        text(cases, "backoff-limit-huge", BACKUP + "job: {backoffLimit: 9223372036854775807}\n");
        text(cases, "run-as-user-huge", BACKUP + "podSecurityContext: {runAsUser: 1e19}\n");
        // --- numbers in text as Go reads them: decimal, whatever the leading zeros
        String monitored = "backup:\n  enabled: true\n  mode: cronjob\n  storage:\n    s3:\n      bucket: archives\n"
                + "monitoring:\n  prometheusRule:\n    enabled: true\n    backupMaxAge: ";
        text(cases, "max-age-leading-zeros-octal-digits", monitored + "0010h\n");
        text(cases, "max-age-leading-zero-nine", monitored + "09d\n");
        text(cases, "max-age-leading-zeros-every-unit", monitored + "01y02w03d04h05m06s\n");
        text(cases, "max-age-largest", monitored + "9999y99999w999999d9999999h999999999m9999999999s\n");
        // --- release tags as Helm's semver library reads them: leading zeros, numbers past 64 bits
        String latestRestore = "restore:\n  enabled: true\n  storage:\n    s3: {bucket: archives, latest: true}\nimage:\n  tag: ";
        for (String tag : List.of("\"01.2.3\"", "\"2.03.0\"", "\"2.3.00\"", "\"0002.3.0\"", "\"v02.3.0\"", "\"99999999999999999999.0.0\"",
                "\"2.18446744073709551616.0\"", "\"1.2.99999999999999999999\"", "\"18446744073709551615.0.0\"", "\"9223372036854775808.0.0\"")) {
            text(cases, "tag-" + tag.replace("\"", ""), latestRestore + tag + "\n");
        }
        // --- line separators
        text(cases, "cr-in-s3-key", "restore:\n  enabled: true\n  storage:\n    s3: {bucket: archives, key: \"a\\rb.tar.gz\"}\n");
        text(cases, "ls-in-s3-key", "restore:\n  enabled: true\n  storage:\n    s3: {bucket: archives, key: \"a\\u2028b.tar.gz\"}\n");
        text(cases, "nel-in-s3-key", "restore:\n  enabled: true\n  storage:\n    s3: {bucket: archives, key: \"a\\u0085b.tar.gz\"}\n");
        // A value that is nothing but a line break of another kind than \n: non-empty for the schema in Go, Java and JavaScript alike.
        text(cases, "cr-only-s3-key", "restore:\n  enabled: true\n  storage:\n    s3: {bucket: archives, key: \"\\r\"}\n");
        text(cases, "nel-only-s3-key", "restore:\n  enabled: true\n  storage:\n    s3: {bucket: archives, key: \"\\u0085\"}\n");
        text(cases, "ls-only-s3-key", "restore:\n  enabled: true\n  storage:\n    s3: {bucket: archives, key: \"\\u2028\"}\n");
        text(cases, "ps-only-s3-bucket", BACKUP.replace("bucket: archives", "bucket: \"\\u2029\""));
        text(cases, "lf-only-s3-key", "restore:\n  enabled: true\n  storage:\n    s3: {bucket: archives, key: \"\\n\"}\n");
        text(cases, "cr-in-annotation", BACKUP + "podAnnotations: {note: \"a\\rb\"}\n");
        text(cases, "ls-in-annotation", BACKUP + "podAnnotations: {note: \"a\\u2028b\"}\n");
        text(cases, "nel-in-annotation", BACKUP + "podAnnotations: {note: \"a\\u0085b\"}\n");
        text(cases, "ps-in-annotation", BACKUP + "podAnnotations: {note: \"a\\u2029b\"}\n");
        text(cases, "ls-in-annotation-with-merge-key", BACKUP + "global: {a: &a {team: \"x\\u2028y\"}}\npodAnnotations:\n  <<: *a\n  note: b\n");
        // "<<" as a value is text for go-yaml, which Helm reads its output with, even where a separator makes the output read back.
        text(cases, "merge-key-text-annotation-beside-ls", BACKUP + "podAnnotations: {a: \"<<\", note: \"a\\u2028b\"}\n");
        text(cases, "merge-key-text-annotation-beside-breaking-ps", "serviceAccount: {annotations: {a: \"<<\", note: \"---\\n\\u2029---\"}}\n");
        text(cases, "ls-in-label", "commonLabels: {team: \"a\\u2028b\"}\n");
        text(cases, "cr-in-extra-arg", BACKUP + "  options: {extraArgs: [\"a\\rb\"]}\n");
        text(cases, "ls-in-extra-env", BACKUP + "extraEnv: [{name: A, value: \"a\\u2028b\"}]\n");
        // --- text as Go prints it: characters of Unicode 14 and 15 through quote
        text(cases, "unicode-15-in-extra-args", BACKUP + "  options: {extraArgs: [\"\u061d \u0870 \ud83e\udee0 \ud83e\udee8 \ud838\udfe0 \ud83c\udd70\", \"\u2066x\u2069\"]}\n");
        text(cases, "unicode-15-in-s3-key", "restore:\n  enabled: true\n  storage:\n    s3: {bucket: archives, key: \"\ud83e\udee8-\u0898.tar.gz\"}\n");
        text(cases, "unicode-15-in-annotation", BACKUP + "podAnnotations: {note: \"\ud83e\udee0 \u0870\"}\n");
        text(cases, "raw-cr-line-ends", "commonLabels:\r\n  team: blue\r\n");
        return cases;
    }

    /** Nine levels of nine aliases each: a billion strings once expanded. */
    private static String laughs() {
        StringBuilder yaml = new StringBuilder("global:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            yaml.append("  ").append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append((char) (level - 1));
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    private static String nested(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            yaml.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        }
        return yaml.append("  ".repeat(depth + 1)).append("leaf: 1").toString();
    }

    private static void text(Map<String, byte[]> cases, String name, String yaml) {
        bytes(cases, name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(Map<String, byte[]> cases, String name, byte[] content) {
        if (cases.put(name, content) != null) {
            throw new IllegalStateException("two cases named " + name);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @TestFactory
    Stream<DynamicTest> libraryAndHelmAgree() {
        List<DynamicTest> tests = new ArrayList<>();
        String only = System.getProperty("edge.only");
        cases().forEach((name, content) -> {
            if (only == null || name.matches(only)) {
                tests.add(DynamicTest.dynamicTest(name, () -> assertAgree(name, content)));
            }
        });
        return tests.stream();
    }

    /** Values the cases of {@link #nullAtEveryDefaultKey} start from: each renders other templates. */
    private static final Map<String, String> BASES = Map.of(
            "backup-job-s3", "{\"backup\": {\"enabled\": true, \"storage\": {\"s3\": {\"bucket\": \"archives\"}}}}",
            "backup-cronjob-local", "{\"backup\": {\"enabled\": true, \"mode\": \"cronjob\", \"storage\": {\"type\": \"local\", \"local\": {\"persistence\": {\"enabled\": true}}}}}",
            "restore-job-s3", "{\"restore\": {\"enabled\": true, \"storage\": {\"s3\": {\"bucket\": \"archives\", \"key\": \"a.tar.gz\"}}}}",
            "restore-cronjob-local", "{\"restore\": {\"enabled\": true, \"mode\": \"cronjob\", \"storage\": {\"type\": \"local\", \"local\": {\"existingClaim\": \"claim\"}}}}");

    /**
     * A null in the user's values removes the chart's default (Helm's coalescing): for every key
     * of values.yaml, on several bases, the library and Helm agree (both refuse, or the same bytes).
     */
    @TestFactory
    Stream<DynamicTest> nullAtEveryDefaultKey() {
        Map<String, Object> defaults = InfrahubBackupChart.load().defaults();
        List<List<String>> paths = new ArrayList<>();
        collectPaths(defaults, new ArrayList<>(), paths);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> base : new java.util.TreeMap<>(BASES).entrySet()) {
            for (List<String> path : paths) {
                String name = "null-" + String.join(".", path) + "-on-" + base.getKey();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Map<String, Object> values = new com.fasterxml.jackson.databind.ObjectMapper().readValue(base.getValue(),
                            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
                    set(values, path, null);
                    assertAgree(name, DifferentialTest.toJson(values).getBytes(StandardCharsets.UTF_8));
                }));
            }
        }
        return tests.stream();
    }

    /** The characters YAML or Go's quoting treat as line breaks, and the tab. */
    private static final Map<String, String> BREAKS = Map.of("cr", "\r", "lf", "\n", "nel", "\u0085",
            "ls", "\u2028", "ps", "\u2029");

    /**
     * A line break of each kind inside every string value of values.yaml, inside map values and
     * keys, and inside list items: the library and Helm agree on each.
     */
    @TestFactory
    Stream<DynamicTest> lineBreakInEveryStringValue() {
        Map<String, Object> defaults = InfrahubBackupChart.load().defaults();
        List<List<String>> paths = new ArrayList<>();
        collectPaths(defaults, new ArrayList<>(), paths);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> brk : new java.util.TreeMap<>(BREAKS).entrySet()) {
            String text = "a" + brk.getValue() + "b";
            for (Map.Entry<String, String> base : Map.of("backup-job-s3", BASES.get("backup-job-s3"),
                    "restore-job-s3", BASES.get("restore-job-s3")).entrySet()) {
                List<Map.Entry<String, java.util.function.Consumer<Map<String, Object>>>> edits = new ArrayList<>();
                for (List<String> path : paths) {
                    if (lookup(defaults, path) instanceof String) {
                        edits.add(Map.entry(String.join(".", path), values -> set(values, path, text)));
                    }
                }
                for (String map : List.of("podAnnotations", "podLabels", "commonLabels", "nodeSelector", "serviceAccount.annotations")) {
                    List<String> path = List.of(map.split("\\."));
                    edits.add(Map.entry(map + "-value", values -> set(values, path, Map.of("note", text))));
                    edits.add(Map.entry(map + "-key", values -> set(values, path, Map.of(text, "note"))));
                }
                edits.add(Map.entry("extraArgs", values -> set(values, List.of("backup", "options", "extraArgs"), List.of(text))));
                edits.add(Map.entry("restoreExtraArgs", values -> set(values, List.of("restore", "options", "extraArgs"), List.of(text))));
                edits.add(Map.entry("extraEnv-value", values -> set(values, List.of("extraEnv"), List.of(Map.of("name", "A", "value", text)))));
                edits.add(Map.entry("affinity-key", values -> set(values, List.of("affinity"), Map.of(text, Map.of("x", text)))));
                for (Map.Entry<String, java.util.function.Consumer<Map<String, Object>>> edit : edits) {
                    String name = brk.getKey() + "-in-" + edit.getKey() + "-on-" + base.getKey();
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Map<String, Object> values = new com.fasterxml.jackson.databind.ObjectMapper().readValue(base.getValue(),
                                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
                        edit.getValue().accept(values);
                        assertAgree(name, DifferentialTest.toJson(values).getBytes(StandardCharsets.UTF_8));
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static Object lookup(Map<String, Object> values, List<String> path) {
        Object node = values;
        for (String key : path) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> values, List<String> path, Object value) {
        Map<String, Object> map = values;
        for (String key : path.subList(0, path.size() - 1)) {
            Object child = map.get(key);
            if (!(child instanceof Map<?, ?>)) {
                child = new LinkedHashMap<String, Object>();
                map.put(key, child);
            }
            map = (Map<String, Object>) child;
        }
        map.put(path.get(path.size() - 1), value);
    }

    @SuppressWarnings("unchecked")
    private static void collectPaths(Map<String, Object> map, List<String> prefix, List<List<String>> paths) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(entry.getKey());
            paths.add(path);
            if (entry.getValue() instanceof Map<?, ?> child) {
                collectPaths((Map<String, Object>) child, path, paths);
            }
        }
    }

    /**
     * The values of the examples/umbrella chart, where this chart's section or the shared global
     * section is null or not a map: the library (given the parent) and Helm agree.
     */
    @TestFactory
    Stream<DynamicTest> subchartSectionsOfEveryShape() {
        Map<String, String> cases = new LinkedHashMap<>();
        String backup = "  backup: {enabled: true, storage: {s3: {bucket: archives}}}\n";
        cases.put("section-null", "infrahub-backup: null\n");
        cases.put("section-number", "infrahub-backup: 5\n");
        cases.put("section-text", "infrahub-backup: text\n");
        cases.put("section-list", "infrahub-backup: [1]\n");
        cases.put("section-empty", "infrahub-backup: {}\n");
        cases.put("section-backup-null", "infrahub-backup:\n  backup: null\n");
        cases.put("section-enabled-null", "infrahub-backup:\n  enabled: null\n" + backup);
        cases.put("section-enabled-false", "infrahub-backup:\n  enabled: false\n" + backup);
        cases.put("section-enabled-text", "infrahub-backup:\n  enabled: \"false\"\n" + backup);
        cases.put("global-null", "global: null\ninfrahub-backup:\n" + backup);
        cases.put("global-number", "global: 5\ninfrahub-backup:\n" + backup);
        cases.put("global-in-section-null", "global: {a: 1}\ninfrahub-backup:\n  global: null\n" + backup);
        cases.put("global-in-section-number", "global: {a: 1}\ninfrahub-backup:\n  global: 5\n" + backup);
        List<DynamicTest> tests = new ArrayList<>();
        cases.forEach((name, yaml) -> tests.add(DynamicTest.dynamicTest(name,
                () -> assertAgree("umbrella-" + name, yaml.getBytes(StandardCharsets.UTF_8), true))));
        return tests.stream();
    }

    static void assertAgree(String name, byte[] content) throws IOException {
        assertAgree(name, content, false);
    }

    static void assertAgree(String name, byte[] content, boolean asSubchart) throws IOException {
        Path file = work.resolve(name + ".yaml");
        Files.write(file, content);
        String library = null;
        List<Problem> refused = null;
        try {
            Values.Builder values = Values.builder().file(file);
            if (asSubchart) {
                values.parent("infrahub-stack", "infrahub-backup");
            }
            library = InfrahubBackupChart.load().render(values.build(), RELEASE).yaml();
        } catch (InvalidValuesException e) {
            refused = e.validation().problems();
        }
        // Helm logs a warning on stderr for a section or global of the wrong shape: it belongs to this case's report, not the build log.
        String[] helmError = {null};
        NativeStderr.Captured<String> run;
        try {
            run = NativeStderr.capture(() -> {
                try {
                    return (asSubchart ? umbrella : helm).template(RELEASE.name(), RELEASE.namespace(), List.of(file));
                } catch (RuntimeException e) {
                    helmError[0] = String.valueOf(e.getMessage());
                    return null;
                }
            });
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String helmText = run.value();
        String warned = run.stderr().isEmpty() ? "" : "\nHelm warned:\n" + run.stderr();
        String stricter = STRICTER.get(name);
        if (stricter != null) {
            // Listed in the README: Helm renders it, the library refuses it on purpose, with this message.
            assertEquals(null, helmError[0], name + ": Helm was expected to render it" + warned);
            assertTrue(refused != null && refused.toString().contains(stricter), name + ": the library should refuse it saying \""
                    + stricter + "\", but: " + (refused != null ? refused : "rendered"));
            return;
        }
        if (refused != null && helmError[0] == null) {
            fail(name + ": the library refuses what Helm renders:\n" + refused + "\nHelm:\n" + helmText + warned);
        }
        if (refused == null && helmError[0] != null) {
            fail(name + ": the library renders what Helm refuses (" + helmError[0] + "):\n" + library + warned);
        }
        if (refused != null) {
            for (Problem problem : refused) {
                assertTrue(problem.line() > 0 || !problem.path().isEmpty(), name + ": a refusal names no place: " + problem);
            }
        } else {
            assertEquals(helmText, library, name + ": the library and Helm print different bytes" + warned);
            for (String nonsense : List.of("%!", "<nil>", "<no value>")) {
                assertTrue(!library.contains(nonsense), name + ": both print Go's " + nonsense + " (a value is missing):\n" + library);
            }
        }
    }
}
