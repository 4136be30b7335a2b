package org.hazardstream.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The committed JSON samples of the events ({@code src/test/resources/golden/}), as producers must write them and
 * consumers must read them. Shipped in this module's test jar so that every producer's and consumer's test reads the
 * same files.
 */
public final class GoldenSamples {

    /** {@code golden/known-city.json}: {@code KnownCityEvent.of(KNOWN_CITY_EVENT_ID, "420100", "420000")}. */
    public static final String KNOWN_CITY = "known-city.json";

    public static final String KNOWN_CITY_EVENT_ID = "5b0c2f8e-6a4d-4a57-9d3c-2f1e8b7a9c01";

    private static final ObjectMapper TREES = new ObjectMapper();

    private GoldenSamples() {}

    /** {@code golden/panel-delta.json}: one chunk of panel version 7, two rows changed and one removed. */
    public static final String PANEL_DELTA = "panel-delta.json";

    /** {@code golden/raw-record.json}: one daily record of city 420100 as ingest publishes it to raw-records. */
    public static final String RAW_RECORD = "raw-record.json";

    /** {@code golden/dead-letter.json}: a raw record of an unknown stream, as panel-service sets it aside. */
    public static final String DEAD_LETTER = "dead-letter.json";

    /**
     * {@code golden/fit-result.json}: spec cox fitted on panel version 42 (15 rows, 4 events, two covariates), as
     * model-service publishes it to fit-results, with its provenance.
     */
    public static final String FIT_RESULT = "fit-result.json";

    /** The sample's text without its trailing newline. */
    public static String read(String name) {
        try (InputStream in = GoldenSamples.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden sample " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when two JSON texts hold the same tree: layout and the spelling of numbers aside (the sample writes
     * 8000000 where the writer writes 8000000.0 or 8.0E6).
     */
    public static boolean sameJson(String a, String b) {
        Comparator<JsonNode> numbersByValue = (x, y) ->
                x.isNumber() && y.isNumber() ? Double.compare(x.doubleValue(), y.doubleValue()) : x.equals(y) ? 0 : 1;
        return tree(a).equals(numbersByValue, tree(b));
    }

    /**
     * True when a message written by a producer has the sample's shape: the same field names at every level (an
     * array compared by its first elements), whatever the values, except at the given JSON pointers, which hold maps
     * whose names are data (a spec's options, a record's fields): there any names pass. Producers' tests hold their
     * output against it.
     */
    public static boolean sameShape(String written, String sample, String... freeFormPointers) {
        JsonNode a = tree(written);
        JsonNode b = tree(sample);
        for (String pointer : freeFormPointers) {
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parentA = a.at(at.head());
            JsonNode parentB = b.at(at.head());
            if (parentA instanceof ObjectNode objectA
                    && parentB instanceof ObjectNode objectB
                    && objectA.has(at.last().getMatchingProperty())
                    && objectB.has(at.last().getMatchingProperty())) {
                String name = at.last().getMatchingProperty();
                objectA.set(name, objectB.get(name));
            }
        }
        return sameShape(a, b);
    }

    private static boolean sameShape(JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            java.util.Set<String> expected = new java.util.TreeSet<>();
            b.fieldNames().forEachRemaining(expected::add);
            return names.equals(expected)
                    && expected.stream()
                            .allMatch(n -> a.get(n).isNull() || b.get(n).isNull() || sameShape(a.get(n), b.get(n)));
        }
        if (a.isArray() && b.isArray()) {
            return a.isEmpty() || b.isEmpty() || sameShape(a.get(0), b.get(0));
        }
        return a.getNodeType() == b.getNodeType() || a.isNull() || b.isNull();
    }

    private static JsonNode tree(String json) {
        try {
            // A plain mapper: in a @QuarkusTest this class and EventJson may sit in different class loaders.
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
