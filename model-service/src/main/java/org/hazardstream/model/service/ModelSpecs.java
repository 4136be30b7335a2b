package org.hazardstream.model.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.fit.FitOptionsParser;
import org.hazardstream.model.config.ModelSettings;

/**
 * The configured specs, parsed once at start-up. A spec with an invalid option stops the service with a message
 * naming the spec and the option: a typo in configuration should fail the deployment, not silently drop a model.
 */
@ApplicationScoped
public class ModelSpecs {

    private final List<ModelSpec> specs;

    @Inject
    public ModelSpecs(ModelSettings settings) {
        this(settings.specs());
    }

    ModelSpecs(Map<String, Map<String, String>> configured) {
        List<ModelSpec> parsed = new ArrayList<>();
        configured.forEach((name, options) -> {
            try {
                parsed.add(new ModelSpec(name, options, FitOptionsParser.parse(options)));
            } catch (BadInputException e) {
                throw new IllegalStateException("model.specs." + name + ": " + e.getMessage(), e);
            }
        });
        parsed.sort((a, b) -> a.name().compareTo(b.name()));
        this.specs = List.copyOf(parsed);
    }

    /** Every spec, by name. */
    public List<ModelSpec> all() {
        return specs;
    }
}
