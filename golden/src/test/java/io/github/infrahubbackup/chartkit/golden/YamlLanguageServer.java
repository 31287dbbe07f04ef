package io.github.infrahubbackup.chartkit.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Language Server Protocol client for the npm {@code yaml-language-server} (the engine of
 * VS Code's YAML support), run over stdio from the project's {@code node_modules}. It opens values
 * files as an editor would and collects the diagnostics the server publishes for them, so a test sees
 * exactly what a user of the IDE sees: the schema named by each file's
 * {@code # yaml-language-server: $schema=...} modeline, resolved relative to the file.
 *
 * <p>Not thread-safe: one test class drives one server.
 */
final class YamlLanguageServer implements AutoCloseable {
    /** The package's folder under the project root, as {@code npm ci} installs it. */
    static final String PACKAGE_DIR = "node_modules/yaml-language-server";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONFIGURATION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DIAGNOSTICS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long the diagnostics of the opened files must stay unchanged before they count as final.
     * The server validates each file once it has settled (its own debounce is 200 ms) and publishes
     * again whenever its settings or schemas change; this wait catches a late second publication.
     */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(400);
    private static final int LOG_LINES_KEPT = 60;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Process process;
    private final OutputStream toServer;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Deque<String> log = new ArrayDeque<>();
    private final CompletableFuture<Void> configured = new CompletableFuture<>();
    /** Diagnostics published per file since it was last opened, guarded by {@code this}. */
    private final Map<Path, Publication> published = new HashMap<>();
    private volatile Throwable readerFailure;
    private String serverVersion = "unknown";

    private record Publication(List<Diagnostic> diagnostics, long atNanos) {
    }

    /** One diagnostic as the server published it, with 1-based lines and columns. */
    record Diagnostic(int line, int column, int endLine, int endColumn, int severity, String message,
            String source) {

        /** Errors and warnings: what an editor underlines as a problem (LSP: a missing severity is an error). */
        boolean isProblem() {
            return severity == 0 || severity == 1 || severity == 2;
        }

        /**
         * The diagnostic's range takes in the given 1-based line. A range that ends at the very start
         * of a line (an error about a whole mapping runs to the start of the line after it) stops at
         * the line before.
         */
        boolean covers(int oneBasedLine) {
            int lastLine = endLine > line && endColumn == 1 ? endLine - 1 : endLine;
            return line <= oneBasedLine && oneBasedLine <= lastLine;
        }

        String severityName() {
            return switch (severity) {
                case 0, 1 -> "error";
                case 2 -> "warning";
                case 3 -> "information";
                case 4 -> "hint";
                default -> "severity " + severity;
            };
        }

        @Override
        public String toString() {
            String range = endLine == line ? line + ":" + column + "-" + endColumn
                    : line + ":" + column + "-" + endLine + ":" + endColumn;
            return range + " " + severityName() + ": " + message + (source.isEmpty() ? "" : " [" + source + "]");
        }
    }

    private YamlLanguageServer(Process process) {
        this.process = process;
        this.toServer = process.getOutputStream();
        Thread reader = new Thread(this::readMessages, "yaml-language-server stdout");
        reader.setDaemon(true);
        reader.start();
        Thread stderr = new Thread(() -> drain(process.getErrorStream()), "yaml-language-server stderr");
        stderr.setDaemon(true);
        stderr.start();
    }

    /**
     * Starts the server installed under {@code projectRoot/node_modules} and completes the LSP
     * handshake and configuration.
     *
     * @throws IllegalStateException when the package is not installed ({@code npm ci}), Node.js is
     *     missing, or the server does not answer in time
     */
    static YamlLanguageServer start(Path projectRoot) throws IOException {
        Path entryPoint = entryPoint(projectRoot);
        String node = System.getProperty("yaml.ls.node", "node");
        ProcessBuilder builder = new ProcessBuilder(node, entryPoint.toString(), "--stdio")
                .directory(projectRoot.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run '" + node + "' to start the YAML language server: "
                    + "install Node.js 20 or later and put it on the PATH (or set -Dyaml.ls.node=/path/to/node)", e);
        }
        YamlLanguageServer server = new YamlLanguageServer(process);
        try {
            server.initialize(projectRoot);
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The entry point named by the package's own {@code bin}, so an upgrade that moves it still works. */
    private static Path entryPoint(Path projectRoot) throws IOException {
        Path packageDir = projectRoot.resolve(PACKAGE_DIR);
        Path packageJson = packageDir.resolve("package.json");
        if (!Files.isRegularFile(packageJson)) {
            throw new IllegalStateException("the YAML language server is not installed: " + packageJson
                    + " is missing. Run `npm ci` in " + projectRoot + " (package-lock.json pins it; .ci/run does this)");
        }
        JsonNode bin = JSON.readTree(packageJson.toFile()).path("bin");
        String relative = bin.isTextual() ? bin.asText() : bin.path("yaml-language-server").asText("");
        if (relative.isEmpty()) {
            throw new IllegalStateException(packageJson + " names no 'yaml-language-server' bin entry");
        }
        Path entryPoint = packageDir.resolve(relative).normalize();
        if (!Files.isRegularFile(entryPoint)) {
            throw new IllegalStateException("the YAML language server's entry point " + entryPoint
                    + " is missing: run `npm ci` in " + projectRoot);
        }
        return entryPoint;
    }

    /** The server's own version, as it reported in its {@code initialize} answer. */
    String version() {
        return serverVersion;
    }

    private void initialize(Path projectRoot) {
        ObjectNode capabilities = NODES.objectNode();
        ObjectNode textDocument = capabilities.putObject("textDocument");
        textDocument.putObject("publishDiagnostics").put("relatedInformation", true).put("versionSupport", true);
        textDocument.putObject("synchronization").put("dynamicRegistration", false);
        ObjectNode workspace = capabilities.putObject("workspace");
        workspace.put("configuration", true);
        workspace.putObject("didChangeConfiguration").put("dynamicRegistration", true);
        workspace.put("workspaceFolders", false);

        ObjectNode params = NODES.objectNode();
        params.put("processId", ProcessHandle.current().pid());
        params.put("rootUri", projectRoot.toUri().toString());
        params.putObject("clientInfo").put("name", "infrahub-backup IdeDiagnosticsTest");
        params.set("capabilities", capabilities);

        JsonNode result = request("initialize", params, START_TIMEOUT);
        serverVersion = result.path("serverInfo").path("version").asText("unknown");
        sendNotification("initialized", NODES.objectNode());
        ObjectNode settings = NODES.objectNode();
        settings.set("yaml", yamlSettings());
        sendNotification("workspace/didChangeConfiguration", NODES.objectNode().set("settings", settings));
        // The server pulls its settings back (workspace/configuration) before it applies them; files
        // opened before that would be validated, then validated again, with the built-in defaults.
        await(configured, CONFIGURATION_TIMEOUT, "the server to ask for its settings (workspace/configuration)");
    }

    /**
     * The {@code yaml} settings section: validation on, and nothing fetched from the network (no
     * SchemaStore catalogue, no Kubernetes CRD store), so that the only schema in play is the one
     * each file's modeline names.
     */
    private static ObjectNode yamlSettings() {
        ObjectNode yaml = NODES.objectNode();
        yaml.put("validate", true);
        yaml.put("hover", false);
        yaml.put("completion", false);
        yaml.put("format", false);
        yaml.putObject("schemaStore").put("enable", false);
        yaml.putObject("kubernetesCRDStore").put("enable", false);
        yaml.putObject("schemas");
        return yaml;
    }

    /** The diagnostics of one file, opened as an editor opens it. */
    List<Diagnostic> diagnose(Path file) {
        return diagnose(List.of(file)).get(file);
    }

    /**
     * Opens every file at once, waits until the server has published diagnostics for each and they
     * have stayed unchanged for a short quiet period, then closes them.
     *
     * @return the final diagnostics of each file, in the given order, keyed by the given paths
     * @throws IllegalStateException when the server dies or leaves a file without diagnostics past
     *     the timeout
     */
    Map<Path, List<Diagnostic>> diagnose(Collection<Path> files) {
        Map<Path, Path> byNormalized = new LinkedHashMap<>();
        for (Path file : files) {
            byNormalized.put(normalize(file), file);
        }
        for (Path file : byNormalized.keySet()) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            ObjectNode document = NODES.objectNode();
            document.put("uri", file.toUri().toString());
            document.put("languageId", "yaml");
            document.put("version", 1);
            document.put("text", text);
            sendNotification("textDocument/didOpen", NODES.objectNode().set("textDocument", document));
        }
        try {
            Map<Path, List<Diagnostic>> settled = awaitSettled(byNormalized.keySet());
            Map<Path, List<Diagnostic>> result = new LinkedHashMap<>();
            byNormalized.forEach((normalized, given) -> result.put(given, settled.get(normalized)));
            return result;
        } finally {
            closeFiles(byNormalized.keySet());
        }
    }

    /**
     * Closes the files and forgets their diagnostics, including the empty list the server publishes
     * on each close: a request sent after the closes is answered only after those publications, as
     * the server handles messages in order, so nothing of this round can leak into the next.
     */
    private void closeFiles(Collection<Path> files) {
        try {
            if (process.isAlive()) {
                for (Path file : files) {
                    ObjectNode document = NODES.objectNode().put("uri", file.toUri().toString());
                    sendNotification("textDocument/didClose", NODES.objectNode().set("textDocument", document));
                }
                // An unknown request: the server answers it with a MethodNotFound error, which is all we need.
                roundTrip("$/infrahub-backup/sync", SHUTDOWN_TIMEOUT);
            }
        } catch (RuntimeException e) {
            // the server is broken; the caller's own failure, or the next call, says so
        } finally {
            synchronized (this) {
                published.keySet().removeAll(files);
            }
        }
    }

    private synchronized Map<Path, List<Diagnostic>> awaitSettled(Collection<Path> files) {
        long deadline = System.nanoTime() + DIAGNOSTICS_TIMEOUT.toNanos();
        while (true) {
            checkAlive("while validating " + files.size() + " file(s)");
            long now = System.nanoTime();
            List<Path> waiting = new ArrayList<>();
            long lastPublication = Long.MIN_VALUE;
            for (Path file : files) {
                Publication publication = published.get(file);
                if (publication == null) {
                    waiting.add(file);
                } else {
                    lastPublication = Math.max(lastPublication, publication.atNanos());
                }
            }
            long quietLeft = waiting.isEmpty() ? lastPublication + QUIET_PERIOD.toNanos() - now : QUIET_PERIOD.toNanos();
            if (waiting.isEmpty() && quietLeft <= 0) {
                Map<Path, List<Diagnostic>> result = new HashMap<>();
                files.forEach(file -> result.put(file, published.get(file).diagnostics()));
                return result;
            }
            if (now >= deadline) {
                throw new IllegalStateException("the YAML language server published no diagnostics within "
                        + DIAGNOSTICS_TIMEOUT.toSeconds() + " s for " + waiting + recentLog());
            }
            long waitNanos = Math.min(quietLeft, deadline - now);
            try {
                TimeUnit.NANOSECONDS.timedWait(this, Math.max(waitNanos, 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for diagnostics", e);
            }
        }
    }

    private static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }

    // ---- JSON-RPC over stdio ----

    private JsonNode request(String method, JsonNode params, Duration timeout) {
        JsonNode response = roundTrip(method, params, timeout);
        JsonNode error = response.get("error");
        if (error != null && !error.isNull()) {
            throw new IllegalStateException("the YAML language server answered '" + method + "' with an error: "
                    + error.path("message").asText(error.toString()) + recentLog());
        }
        return response.path("result");
    }

    private JsonNode roundTrip(String method, Duration timeout) {
        return roundTrip(method, NODES.nullNode(), timeout);
    }

    /** Sends a request and returns the whole response message, a result or an error. */
    private JsonNode roundTrip(String method, JsonNode params, Duration timeout) {
        int id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        message.set("params", params);
        send(message);
        try {
            return await(answer, timeout, "the answer to '" + method + "'");
        } finally {
            pending.remove(id);
        }
    }

    private void sendNotification(String method, JsonNode params) {
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0").put("method", method);
        message.set("params", params);
        send(message);
    }

    private void respond(JsonNode id, JsonNode result) {
        ObjectNode message = NODES.objectNode().put("jsonrpc", "2.0");
        message.set("id", id);
        message.set("result", result == null ? NODES.nullNode() : result);
        send(message);
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                // Short slices, so that a dead server is reported at once rather than after the timeout.
                return future.get(Math.min(200_000_000L, Math.max(1, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                checkAlive("while waiting for " + what);
                if (System.nanoTime() >= deadline) {
                    throw new IllegalStateException("the YAML language server did not send " + what + " within "
                            + timeout.toSeconds() + " s" + recentLog());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("the YAML language server failed " + what + ": "
                        + e.getCause().getMessage() + recentLog(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private void send(JsonNode message) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        synchronized (toServer) {
            try {
                toServer.write(header);
                toServer.write(body);
                toServer.flush();
            } catch (IOException e) {
                checkAlive("while sending '" + message.path("method").asText("a response") + "'");
                throw new UncheckedIOException("cannot write to the YAML language server", e);
            }
        }
    }

    private void readMessages() {
        try (InputStream in = process.getInputStream()) {
            while (true) {
                JsonNode message = readMessage(in);
                if (message == null) {
                    break;
                }
                dispatch(message);
            }
        } catch (IOException | RuntimeException e) {
            readerFailure = e;
        } finally {
            IllegalStateException closed = new IllegalStateException("the YAML language server closed its output"
                    + (readerFailure == null ? "" : ": " + readerFailure));
            pending.values().forEach(future -> future.completeExceptionally(closed));
            configured.completeExceptionally(closed);
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** One LSP frame: headers, a blank line, then Content-Length bytes of JSON; null at the end of the stream. */
    private static JsonNode readMessage(InputStream in) throws IOException {
        int contentLength = -1;
        while (true) {
            String line = readHeaderLine(in);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (contentLength >= 0) {
                    break;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                contentLength = Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        byte[] body = in.readNBytes(contentLength);
        if (body.length < contentLength) {
            throw new EOFException("the stream ended inside a message of " + contentLength + " bytes");
        }
        return JSON.readTree(body);
    }

    private static String readHeaderLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    private void dispatch(JsonNode message) {
        String method = message.path("method").asText(null);
        JsonNode id = message.get("id");
        if (method == null) {
            if (id != null && id.canConvertToInt()) {
                CompletableFuture<JsonNode> future = pending.get(id.asInt());
                if (future != null) {
                    future.complete(message);
                }
            }
            return;
        }
        JsonNode params = message.path("params");
        if (id != null) {
            respond(id, answer(method, params));
            if (method.equals("workspace/configuration")) {
                for (JsonNode item : params.path("items")) {
                    if (item.path("section").asText().equals("yaml")) {
                        configured.complete(null);
                    }
                }
            }
            return;
        }
        switch (method) {
            case "textDocument/publishDiagnostics" -> record(params);
            case "window/logMessage", "window/showMessage" -> log("[server] " + params.path("message").asText());
            default -> {
                // telemetry/event, $/progress and the server's custom notifications: nothing to do.
            }
        }
    }

    /** What this client answers to the server's requests: the yaml settings, and null to the rest. */
    private static JsonNode answer(String method, JsonNode params) {
        if (!method.equals("workspace/configuration")) {
            // client/registerCapability, window/workDoneProgress/create, workspace/codeLens/refresh, ...
            return NODES.nullNode();
        }
        ArrayNode sections = NODES.arrayNode();
        for (JsonNode item : params.path("items")) {
            String section = item.path("section").asText("");
            if (section.equals("yaml")) {
                sections.add(yamlSettings());
            } else if (section.equals("http") || section.equals("editor") || section.equals("[yaml]")) {
                sections.addObject();
            } else {
                sections.addNull();
            }
        }
        return sections;
    }

    private void record(JsonNode params) {
        Path file;
        try {
            file = normalize(Path.of(URI.create(params.path("uri").asText())));
        } catch (IllegalArgumentException e) {
            return; // not a file: URI, so none of ours
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode d : params.path("diagnostics")) {
            JsonNode start = d.path("range").path("start");
            JsonNode end = d.path("range").path("end");
            diagnostics.add(new Diagnostic(
                    start.path("line").asInt() + 1, start.path("character").asInt() + 1,
                    end.path("line").asInt() + 1, end.path("character").asInt() + 1,
                    d.path("severity").asInt(0), d.path("message").asText(""), d.path("source").asText("")));
        }
        synchronized (this) {
            published.put(file, new Publication(List.copyOf(diagnostics), System.nanoTime()));
            notifyAll();
        }
    }

    private void drain(InputStream stderr) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                log("[stderr] " + line);
            }
        } catch (IOException e) {
            // the process is gone; its exit is reported where it matters
        }
    }

    private void log(String line) {
        synchronized (log) {
            if (log.size() == LOG_LINES_KEPT) {
                log.removeFirst();
            }
            log.addLast(line);
        }
    }

    private String recentLog() {
        synchronized (log) {
            return log.isEmpty() ? "" : "\nlast server output:\n  " + String.join("\n  ", log);
        }
    }

    private void checkAlive(String when) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the YAML language server exited with code " + process.exitValue()
                    + " " + when + recentLog());
        }
        if (readerFailure != null) {
            throw new IllegalStateException("cannot read the YAML language server's output " + when + ": "
                    + readerFailure + recentLog(), readerFailure);
        }
    }

    /** LSP shutdown then exit; the process is killed if it does not leave in time. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                try {
                    request("shutdown", NODES.nullNode(), SHUTDOWN_TIMEOUT);
                    sendNotification("exit", NODES.nullNode());
                } catch (RuntimeException e) {
                    // already broken: killing it below is all that is left to do
                }
                if (!process.waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroy();
                    if (!process.waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly().waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            try {
                toServer.close();
            } catch (IOException e) {
                // nothing more to say to it
            }
        }
    }
}
