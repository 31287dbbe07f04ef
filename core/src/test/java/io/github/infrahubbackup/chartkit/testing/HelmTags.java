package io.github.infrahubbackup.chartkit.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which test classes of a module run real Helm, and whether each is tagged {@code helm}, so that
 * {@code mvn -Pquick test} (which leaves the tag out) never starts Helm.
 *
 * <p>A class runs Helm when its compiled form names helm-java ({@code com.marcnuri.helm}) or
 * {@link HelmChart}, or names another class of the module that does (helpers such as a Helm
 * oracle count through their users). Reading the class files' constant pools sees every use,
 * however the source spells it. A test class (one with a JUnit or jqwik test method, or a
 * {@code @Nested} class) that runs Helm must carry the tag itself or on an enclosing class.
 */
public final class HelmTags {
    // Built at run time, so that this class's own constants name neither (its users would count as Helm's).
    private static final String HELM_JAVA = "com.marcnuri.helm.".replace('.', '/');
    private static final String HELM_CHART = (HelmTags.class.getPackageName() + ".HelmChart").replace('.', '/');

    private HelmTags() {
    }

    /** The finding for one module: its test classes that run Helm, and those of them not tagged {@code helm}. */
    public record Finding(Set<String> helmTests, Set<String> untagged) {
    }

    /** Scans the test classes folder that holds {@code anchor}, loading classes with the anchor's class loader. */
    public static Finding scan(Class<?> anchor) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Set<String>> strings = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                strings.put(name.substring(0, name.length() - ".class".length()), utf8Constants(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> helmUsers = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> entry : strings.entrySet()) {
                if (!helmUsers.contains(entry.getKey()) && names(entry.getKey(), entry.getValue(), helmUsers)) {
                    helmUsers.add(entry.getKey());
                    grew = true;
                }
            }
        }
        Set<String> helmTests = new TreeSet<>();
        Set<String> untagged = new TreeSet<>();
        for (String internalName : helmUsers) {
            Class<?> type;
            try {
                type = Class.forName(internalName.replace('/', '.'), false, anchor.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (isTestClass(type)) {
                helmTests.add(type.getName());
                if (!taggedHelm(type)) {
                    untagged.add(type.getName());
                }
            }
        }
        return new Finding(helmTests, untagged);
    }

    /**
     * Whether a class's constants name helm-java, HelmChart or a class that runs Helm. Classes of
     * the same nest (one top-level class and its nested ones) name each other by their nesting
     * alone, so a nest-mate does not count: each class of a nest is judged on its own.
     */
    private static boolean names(String self, Set<String> constants, Set<String> helmUsers) {
        for (String constant : constants) {
            if (constant.contains(HELM_JAVA) || constant.equals(HELM_CHART) || constant.contains("L" + HELM_CHART + ";")) {
                return true;
            }
            for (String user : helmUsers) {
                if (!topLevel(user).equals(topLevel(self)) && (constant.equals(user) || constant.contains("L" + user + ";"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String topLevel(String internalName) {
        int dollar = internalName.indexOf('$');
        return dollar < 0 ? internalName : internalName.substring(0, dollar);
    }

    private static boolean isTestClass(Class<?> type) {
        if (hasAnnotation(type, "org.junit.jupiter.api.Nested")) {
            return true;
        }
        for (Method method : type.getDeclaredMethods()) {
            for (Annotation annotation : method.getAnnotations()) {
                if (testable(annotation.annotationType(), new HashSet<>())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** JUnit's and jqwik's test annotations are all (meta-)annotated with the platform's @Testable. */
    private static boolean testable(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return false;
        }
        if (type.getName().equals("org.junit.platform.commons.annotation.Testable")) {
            return true;
        }
        for (Annotation meta : type.getAnnotations()) {
            if (testable(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean taggedHelm(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            for (Class<?> s = c; s != null; s = s.getSuperclass()) {
                if (tags(s).contains("helm")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The values of JUnit's and jqwik's {@code @Tag} on a class (repeated ones sit in {@code @Tags} and {@code @TagList}). */
    private static Set<String> tags(AnnotatedElement element) {
        Set<String> tags = new HashSet<>();
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.equals("org.junit.jupiter.api.Tag") || name.equals("net.jqwik.api.Tag")) {
                tags.add((String) value(annotation));
            } else if (name.equals("org.junit.jupiter.api.Tags") || name.equals("net.jqwik.api.TagList")) {
                for (Annotation tag : (Annotation[]) value(annotation)) {
                    tags.add((String) value(tag));
                }
            }
        }
        return tags;
    }

    private static Object value(Annotation annotation) {
        try {
            return annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasAnnotation(Class<?> type, String annotationName) {
        for (Annotation annotation : type.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(annotationName)) {
                return true;
            }
        }
        return false;
    }

    /** The UTF-8 constants of a class file: class names, descriptors, signatures (JVMS 4.4). */
    private static Set<String> utf8Constants(Path classFile) throws IOException {
        Set<String> strings = new HashSet<>();
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(data.readUTF());
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipNBytes(4);
                    case 5, 6 -> {
                        data.skipNBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> data.skipNBytes(2);
                    case 15 -> data.skipNBytes(3);
                    default -> throw new IOException(classFile + ": constant pool tag " + tag + " unknown");
                }
            }
        }
        return strings;
    }
}
