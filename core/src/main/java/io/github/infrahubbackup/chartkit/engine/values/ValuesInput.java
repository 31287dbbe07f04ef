package io.github.infrahubbackup.chartkit.engine.values;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of a values file, read as go-yaml reads its input: UTF-8, or UTF-16 when the file
 * starts with a UTF-16 byte order mark. Reading stops after {@link #MAX_BYTES}, so an endless
 * input ({@code /dev/zero}, a pipe) fails at once instead of filling the memory.
 */
public final class ValuesInput {
    /** Largest input read, in bytes: a UTF-8 character takes at most 4. */
    static final long MAX_BYTES = 4L * ReadLimits.MAX_CODE_POINTS;

    private ValuesInput() {
    }

    /** Input that cannot be read at all (missing, a directory, no permission): not a problem of its content. */
    public static final class UnreadableException extends RuntimeException {
        private final String reason;

        UnreadableException(String name, String reason) {
            super(name.isEmpty() ? reason : name + ": " + reason);
            this.reason = reason;
        }

        /** What is wrong and what to do, without the file name. */
        public String reason() {
            return reason;
        }
    }

    /**
     * The text of the file at {@code path}.
     *
     * @throws UnreadableException     if the file cannot be opened or read
     * @throws ValuesSyntaxException   if it is too large or not UTF-8/UTF-16 text
     */
    public static String read(Path path) {
        String name = path.toString();
        if (name.isEmpty()) {
            throw new UnreadableException("", "an empty file name: give the path of a values file (or - for standard input)");
        }
        if (Files.isDirectory(path)) {
            throw new UnreadableException(name, "is a directory, not a values file: name a file in it");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return decode(name, readBounded(name, in));
        } catch (NoSuchFileException e) {
            throw new UnreadableException(name, "no such file: check the path");
        } catch (AccessDeniedException e) {
            throw new UnreadableException(name, "permission denied: make the file readable");
        } catch (IOException e) {
            throw new UnreadableException(name, "cannot be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    /**
     * The text of a stream named {@code name} (standard input, say), read to its end; the stream
     * is not closed.
     *
     * @throws UnreadableException     if reading fails
     * @throws ValuesSyntaxException   if it is too large or not UTF-8/UTF-16 text
     */
    public static String read(String name, InputStream in) {
        try {
            return decode(name, readBounded(name, in));
        } catch (IOException e) {
            throw new UnreadableException(name, "cannot be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    /** At most {@link #MAX_BYTES} bytes of {@code in}; more is refused as too large. */
    private static byte[] readBounded(String name, InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > MAX_BYTES) {
                throw new ValuesSyntaxException(new SourcePosition(name, 1, 1), ReadLimits.tooLarge());
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The bytes as text: UTF-16 after a UTF-16 byte order mark, else UTF-8; anything else is refused at its line and column. */
    private static String decode(String name, byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return decodeStrictly(name, bytes, 2, StandardCharsets.UTF_16LE, "UTF-16");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return decodeStrictly(name, bytes, 2, StandardCharsets.UTF_16BE, "UTF-16");
        }
        return decodeStrictly(name, bytes, 0, StandardCharsets.UTF_8, "UTF-8");
    }

    private static String decodeStrictly(String name, byte[] bytes, int offset, Charset charset, String label) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            // Where: the text up to the first byte that does not decode.
            int good = offset;
            var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
            ByteBuffer input = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
            java.nio.CharBuffer output = java.nio.CharBuffer.allocate(bytes.length);
            decoder.decode(input, output, true);
            good = input.position();
            output.flip();
            String before = output.toString();
            int line = 1;
            int column = 1;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else if (!Character.isLowSurrogate(before.charAt(i))) {
                    column++;
                }
            }
            throw new ValuesSyntaxException(new SourcePosition(name, line, column),
                    "byte " + (good + 1) + " of the file is not " + label + " text (Helm reads values files as UTF-8, or UTF-16 after a byte order mark); save the file as UTF-8");
        }
    }
}
