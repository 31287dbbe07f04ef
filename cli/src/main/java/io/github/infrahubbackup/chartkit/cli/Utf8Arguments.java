package io.github.infrahubbackup.chartkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Arguments as the user typed them, when the JVM runs without a UTF-8 locale (LANG=C, a bare
 * container). Such a JVM decodes non-ASCII arguments to "?" and cannot open non-ASCII file names,
 * while Helm (a Go program) sees the bytes. On Linux the command line's bytes are read back from
 * /proc/self/cmdline, and the CLI runs once more in a JVM started with LC_ALL=C.UTF-8, which gets
 * the arguments through a file; where that is not possible the arguments are at least decoded
 * from those bytes.
 */
final class Utf8Arguments {
    private Utf8Arguments() {
    }

    /** The arguments to run with, or null when a relaunched JVM has already run them (and this one has exited). */
    static String[] of(String[] args, PrintWriter err) {
        String file = System.getenv(Main.ARGS_FILE);
        if (file != null) {
            return fromFile(Path.of(file), args);
        }
        String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8")) {
            return args;
        }
        List<String> raw = rawArguments(args.length);
        if (raw == null || raw.stream().allMatch(arg -> arg.chars().allMatch(c -> c < 0x80))) {
            return args;
        }
        try {
            Path argsFile = Files.createTempFile("infrahub-backup-args", ".txt");
            Files.writeString(argsFile, String.join("\0", raw), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElseThrow());
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Main.class.getName());
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("LC_ALL", "C.UTF-8");
            builder.environment().put(Main.ARGS_FILE, argsFile.toString());
            int code = builder.start().waitFor();
            Files.deleteIfExists(argsFile);
            System.exit(code);
            return null;
        } catch (IOException | RuntimeException e) {
            // No second JVM: the arguments are right, only non-ASCII file names stay out of reach.
            return raw.toArray(String[]::new);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return raw.toArray(String[]::new);
        }
    }

    private static String[] fromFile(Path file, String[] fallback) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.isEmpty() ? new String[0] : text.split("\0", -1);
        } catch (IOException e) {
            return fallback;
        }
    }

    /** The last {@code count} entries of /proc/self/cmdline decoded as UTF-8, or null where there is none. */
    private static List<String> rawArguments(int count) {
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        List<String> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                entries.add(new String(Arrays.copyOfRange(cmdline, start, i), StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (entries.size() < count) {
            return null;
        }
        return entries.subList(entries.size() - count, entries.size());
    }
}
