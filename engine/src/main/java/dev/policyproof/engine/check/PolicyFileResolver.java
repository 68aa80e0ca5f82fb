package dev.policyproof.engine.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resolves the {@code files} entries of a checks file against the base directory. An entry without {@code *} names
 * one file. In other entries {@code *} matches any run of characters within one path segment and {@code **} any
 * number of whole segments, so {@code iam/**}{@code /*.json} also matches {@code iam/a.json}. No other character is
 * special. Entries use {@code /} as the separator on every platform.
 */
final class PolicyFileResolver {

    private final Path baseDirectory;

    PolicyFileResolver(Path baseDirectory) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }

    Path baseDirectory() {
        return baseDirectory;
    }

    static boolean isGlob(String entry) {
        return entry.contains("*");
    }

    /** Returns the file an entry without wildcards names, normalized; the caller checks that it exists. */
    Path resolve(String entry) {
        return baseDirectory.resolve(entry).normalize();
    }

    /** Returns the regular files a glob selects, sorted by path. */
    List<Path> expand(String glob) {
        String[] segments = glob.split("/", -1);
        int firstWildcard = 0;
        while (!segments[firstWildcard].contains("*")) {
            firstWildcard++;
        }
        Path root = resolve(String.join("/", List.of(segments).subList(0, firstWildcard)));
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Pattern pattern = toRegex(List.of(segments).subList(firstWildcard, segments.length));
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> pattern.matcher(slashSeparated(root.relativize(file))).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list files under " + root + ": " + e.getMessage(), e);
        }
    }

    /** Returns the path relative to the base directory, with {@code /}, or the absolute path for a file outside. */
    String displayName(Path file) {
        return file.startsWith(baseDirectory) ? slashSeparated(baseDirectory.relativize(file)) : file.toString();
    }

    static Pattern toRegex(List<String> segments) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.equals("**")) {
                regex.append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            for (String part : segment.split("\\*", -1)) {
                regex.append(Pattern.quote(part)).append("[^/]*");
            }
            regex.setLength(regex.length() - "[^/]*".length());
            if (!last) {
                regex.append('/');
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static String slashSeparated(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
