package dev.policyproof.engine.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the checks files of a shared suite on a class path. A suite named {@code bastion} is every {@code .yaml},
 * {@code .yml} and {@code .json} file directly under {@code META-INF/policyproof/suites/bastion/} in a jar or class
 * directory, read in name order.
 */
public final class SuiteLocator {

    /** The folder of suites inside a jar. */
    public static final String ROOT = "META-INF/policyproof/suites/";

    private SuiteLocator() {}

    /**
     * Returns the checks files of suite {@code suite} in {@code classPath}, whose entries are jars or directories;
     * empty when no entry contains the suite.
     *
     * @throws UncheckedIOException if a jar or file cannot be read
     */
    public static List<SuiteFile> find(String suite, List<Path> classPath) {
        List<SuiteFile> files = new ArrayList<>();
        for (Path entry : classPath) {
            if (Files.isDirectory(entry)) {
                files.addAll(fromDirectory(suite, entry));
            } else if (Files.isRegularFile(entry)) {
                files.addAll(fromJar(suite, entry));
            }
        }
        return files;
    }

    private static List<SuiteFile> fromDirectory(String suite, Path classes) {
        Path folder = classes.resolve(ROOT + suite);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            List<SuiteFile> files = new ArrayList<>();
            for (Path file : children.filter(Files::isRegularFile).filter(f -> isChecksFile(f.toString())).sorted()
                    .toList()) {
                files.add(new SuiteFile(suite, file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite " + suite + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<SuiteFile> fromJar(String suite, Path jar) {
        String prefix = ROOT + suite + "/";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                String rest = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : "";
                if (!entry.isDirectory() && !rest.isEmpty() && !rest.contains("/") && isChecksFile(rest)) {
                    entries.add(entry);
                }
            }
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            List<SuiteFile> files = new ArrayList<>();
            for (ZipEntry entry : entries) {
                try (InputStream in = zip.getInputStream(entry)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    files.add(new SuiteFile(suite, jar.getFileName() + "!/" + entry.getName(), text));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite " + suite + " in " + jar + ": " + e.getMessage(), e);
        }
    }

    private static boolean isChecksFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }
}
