package org.hazardstream.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The committed golden samples of every message (src/test/resources/golden), for the tests of this module and,
 * by path, of the producers and consumers in the other modules (each runs in its own module folder).
 */
public final class GoldenSamples {

    private GoldenSamples() {
    }

    public static String read(String name) {
        Path here = Path.of("src", "test", "resources", "golden", name);
        Path file = Files.exists(here) ? here : Path.of("..", "hazard-events").resolve(here);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when two JSON texts hold the same tree: layout and the spelling of numbers aside (the sample writes
     * 8000000 where the writer writes 8000000.0 or 8.0E6).
     */
    public static boolean sameJson(String a, String b) {
        Comparator<JsonNode> numbersByValue = (x, y) -> x.isNumber() && y.isNumber()
                ? Double.compare(x.doubleValue(), y.doubleValue()) : x.equals(y) ? 0 : 1;
        return tree(a).equals(numbersByValue, tree(b));
    }

    private static JsonNode tree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
