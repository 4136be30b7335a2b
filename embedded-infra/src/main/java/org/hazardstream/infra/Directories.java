package org.hazardstream.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting the data directories of the embedded servers. */
public final class Directories {

    private Directories() {}

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Best effort, for shutdown hooks: a leftover directory under target/ is harmless, a failing hook is noise. */
    public static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException | RuntimeException e) {
            // ignore
        }
    }
}
