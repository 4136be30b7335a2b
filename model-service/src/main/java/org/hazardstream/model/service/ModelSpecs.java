package org.hazardstream.model.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.fit.FitOptionsParser;
import org.hazardstream.model.config.ModelSettings;
import org.hazardstream.study.StudyDefinition;
import org.hazardstream.study.StudyDefinitions;
import org.hazardstream.study.StudySpecs;

/**
 * The study definition's specs, read once at start-up. An invalid definition stops the service with every error at
 * its JSON pointer: a typo in a spec should fail the deployment, not silently drop a model.
 */
@ApplicationScoped
public class ModelSpecs {

    private final List<ModelSpec> specs;

    @Inject
    public ModelSpecs(ModelSettings settings) {
        this(specsOf(loadStudy(settings.study())), settings.refit().first());
    }

    /**
     * @param configured spec name to its options as command-line text
     * @param first      spec names fitted before the others, in this order (see ModelSettings.Refit#first)
     */
    ModelSpecs(Map<String, Map<String, String>> configured, List<String> first) {
        List<ModelSpec> parsed = new ArrayList<>();
        configured.forEach((name, options) -> {
            try {
                parsed.add(new ModelSpec(name, options, FitOptionsParser.parse(options)));
            } catch (BadInputException e) {
                throw new IllegalStateException("spec " + name + ": " + e.getMessage(), e);
            }
        });
        for (String name : first) {
            if (!configured.containsKey(name)) {
                throw new IllegalStateException("model.refit.first: no spec named '" + name + "' is configured");
            }
        }
        parsed.sort(Comparator.comparingInt((ModelSpec spec) -> rank(first, spec.name()))
                .thenComparing(ModelSpec::name));
        this.specs = List.copyOf(parsed);
    }

    /** The specs of a study as command-line option text (covariates default to all, id to the unit's id column). */
    static Map<String, Map<String, String>> specsOf(StudyDefinition study) {
        Map<String, Map<String, String>> specs = new LinkedHashMap<>();
        study.specs().forEach(spec -> specs.put(spec.name(), StudySpecs.optionText(spec, study)));
        return specs;
    }

    static StudyDefinition loadStudy(String location) {
        try {
            return StudyDefinitions.load(location);
        } catch (BadInputException e) {
            throw new IllegalStateException("model.study: " + e.getMessage(), e);
        }
    }

    private static int rank(List<String> first, String name) {
        int index = first.indexOf(name);
        return index >= 0 ? index : first.size();
    }

    /** The spec of that name; an unknown name is a programming error. */
    public ModelSpec byName(String name) {
        return specs.stream()
                .filter(spec -> spec.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no spec named '" + name + "'"));
    }

    /** Every spec in fitting order: the configured first ones, then the others by name. */
    public List<ModelSpec> all() {
        return specs;
    }
}
