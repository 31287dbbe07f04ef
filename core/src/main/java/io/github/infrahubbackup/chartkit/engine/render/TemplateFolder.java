package io.github.infrahubbackup.chartkit.engine.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The templates of a chart, found by listing its classpath folder: a chart's template list is
 * whatever files it ships, as Helm renders every file of {@code templates/}, never a list in code.
 */
public final class TemplateFolder {
    /**
     * The base name of Helm's notes template ({@code templates/NOTES.txt}): rendered for
     * {@code helm install} to print after the release, never a manifest.
     */
    public static final String NOTES = "NOTES";

    private TemplateFolder() {
    }

    /**
     * The base names of the {@code .peb} files directly in {@code resourceFolder}, sorted, without the
     * helpers (files starting with "_"), which templates import and which render nothing alone, and
     * without the {@link #NOTES} template.
     */
    public static List<String> templateNames(String resourceFolder) {
        List<String> names = new ArrayList<>();
        for (String file : files(resourceFolder)) {
            if (file.endsWith(".peb") && !file.startsWith("_") && !file.equals(NOTES + ".peb")) {
                names.add(file.substring(0, file.length() - ".peb".length()));
            }
        }
        Collections.sort(names);
        return names;
    }

    /** Whether {@code resourceFolder} holds the {@link #NOTES} template. */
    public static boolean hasNotes(String resourceFolder) {
        return files(resourceFolder).contains(NOTES + ".peb");
    }

    private static List<String> files(String resourceFolder) {
        URL folder = TemplateFolder.class.getClassLoader().getResource(resourceFolder);
        if (folder == null) {
            throw new IllegalStateException("the chart's templates " + resourceFolder + " are missing from the classpath");
        }
        List<String> files = new ArrayList<>();
        try {
            if ("jar".equals(folder.getProtocol())) {
                // The jar's own entry list: no file system view of the jar to open (and keep open).
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                connection.setUseCaches(false);
                String prefix = connection.getEntryName() + "/";
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                            files.add(name.substring(prefix.length()));
                        }
                    }
                }
            } else {
                try (Stream<Path> listing = Files.list(Path.of(folder.toURI()))) {
                    listing.forEach(file -> files.add(file.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
