package org.hazardstream.study;

import java.nio.file.Path;

/** The bundled study definitions and their raw data, as a test in hazard-core finds them. */
final class Studies {

    static final Path ROOT = Path.of("..", "studies");
    static final Path HEALTH_CODE = ROOT.resolve("health-code").resolve("study.json");
    static final Path DEMO_RAW = Path.of("..", "deploy", "local", "demo");
    static final Path STAY_AT_HOME = ROOT.resolve("stay-at-home").resolve("study.json");
    static final Path STATE_LOTTERIES = ROOT.resolve("state-lotteries").resolve("study.json");

    private Studies() {}

    static Path rawOf(Path definition) {
        return definition.getParent().resolve("raw");
    }
}
