package org.hazardstream.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Which build of the statistics engine is running: named by every result so a number can be traced to its code. */
public final class Engine {

    /** {@code hazard-core <project version>}, e.g. {@code hazard-core 0.1.0-SNAPSHOT}. */
    public static final String VERSION = "hazard-core " + projectVersion();

    private Engine() {}

    private static String projectVersion() {
        try (InputStream in = Engine.class.getResourceAsStream("engine.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
