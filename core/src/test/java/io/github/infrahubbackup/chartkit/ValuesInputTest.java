package io.github.infrahubbackup.chartkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values read from streams and files through the public builder: what cannot be read at all is told apart. */
class ValuesInputTest {
    @TempDir
    Path folder;

    @Test
    void aStreamIsReadAsTheSameTextWouldBe() {
        String yaml = "backup:\n  enabled: true\n  storage: {s3: {bucket: archives}}\n";
        Values fromStream = Values.builder().stream("<stdin>", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).build();
        assertEquals(Values.builder().yaml("<stdin>", yaml).build().asMap(), fromStream.asMap());
        assertEquals(List.of(), fromStream.unreadable());
    }

    @Test
    void aStreamThatFailsIsUnreadableUnderItsName() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("broken pipe");
            }
        };
        Values values = Values.builder().stream("<stdin>", failing).build();
        assertEquals(1, values.unreadable().size(), values.unreadable().toString());
        assertEquals("<stdin>: cannot be read (broken pipe)", values.unreadable().get(0).toString());
        Validation validation = InfrahubBackupChart.load().validate(values);
        assertTrue(validation.problems().contains(values.unreadable().get(0)), validation.toString());
    }

    @Test
    void aStreamThatIsNotTextIsAProblemOfItsContentAtItsPlace() {
        Values values = Values.builder().stream("<stdin>", new ByteArrayInputStream(new byte[] {'a', ':', ' ', (byte) 0xC3, '\n'})).build();
        assertEquals(List.of(), values.unreadable());
        Validation validation = InfrahubBackupChart.load().validate(values);
        assertEquals(1, validation.problems().size(), validation.toString());
        assertTrue(validation.problems().get(0).toString().startsWith("<stdin>:1:4: byte 4 of the file is not UTF-8 text"), validation.toString());
    }

    @Test
    void aMissingFileIsUnreadableAndLaterSourcesAreStillRead() {
        Path missing = folder.resolve("missing.yaml");
        Values values = Values.builder().file(missing).yaml("b.yaml", "backup: {enabled: true}\n").build();
        assertEquals(List.of(missing + ": no such file: check the path"), values.unreadable().stream().map(Problem::toString).toList());
        assertEquals(Map.of("enabled", true), values.asMap().get("backup"));
    }
}
