package org.hazardstream.model.service;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.hazardstream.core.fit.FitOptions;

/**
 * One configured model spec.
 *
 * @param name       the spec's name, the key of its results on the fit-results topic
 * @param options    the options as configured (command-line names without dashes), sorted by name
 * @param fitOptions the same, validated and parsed by hazard-core
 */
public record ModelSpec(String name, Map<String, String> options, FitOptions fitOptions) {

    public ModelSpec {
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
