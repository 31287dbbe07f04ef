package io.github.infrahubbackup.chartkit.testing;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * What native code (Helm's Go runtime, run in process by helm-java) writes to file descriptor 2
 * during one call. Go's warnings, such as Helm's "skipped value for ...: Not a table", bypass
 * {@code System.err}; a test that expects them captures them here and shows them in its failure
 * message instead of in the build log. POSIX only; one caller at a time.
 */
public final class NativeStderr {
    private static final int STDERR = 2;
    private static final int O_WRONLY = 1;

    private interface LibC extends Library {
        int dup(int fd);

        int dup2(int from, int to);

        int open(String path, int flags);

        int close(int fd);
    }

    private static final LibC LIBC = Native.load("c", LibC.class);

    /** A call's result and what was written to the native stderr meanwhile. */
    public record Captured<T>(T value, String stderr) {
    }

    private NativeStderr() {
    }

    public static synchronized <T> Captured<T> capture(Callable<T> call) throws Exception {
        Path file = Files.createTempFile("native-stderr", ".txt");
        try {
            int saved = check(LIBC.dup(STDERR), "dup(2)");
            int target = check(LIBC.open(file.toString(), O_WRONLY), "open " + file);
            T value;
            try {
                check(LIBC.dup2(target, STDERR), "dup2");
                value = call.call();
            } finally {
                LIBC.dup2(saved, STDERR);
                LIBC.close(saved);
                LIBC.close(target);
            }
            return new Captured<>(value, Files.readString(file, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static int check(int result, String what) throws IOException {
        if (result < 0) {
            throw new IOException(what + " failed (errno " + Native.getLastError() + ")");
        }
        return result;
    }
}
