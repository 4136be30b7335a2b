package org.hazardstream.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hazardstream.core.data.PlainDecimal;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitOptionsParser;
import org.hazardstream.study.StudyDefinition.Spec;

/** A study's specs as the fit contract's options: the same parser as the command line's, so the same rules. */
public final class StudySpecs {

    private StudySpecs() {}

    /** The fit options of a spec of the study. */
    public static FitOptions fitOptions(Spec spec, StudyDefinition study) {
        return FitOptionsParser.parse(optionText(spec, study));
    }

    /**
     * A spec's options as command-line text: lists joined by commas, whole numbers without ".0"; covariates default
     * to every covariate of the study in declared order, and the subject id to the unit's id column.
     */
    public static Map<String, String> optionText(Spec spec, StudyDefinition study) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("covariates", String.join(",", study.covariateNames()));
        text.put("id", study.unit().id());
        spec.options().forEach((name, value) -> text.put(name, text(value)));
        return text;
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(StudySpecs::text).toList());
        }
        if (value instanceof Number number) {
            return PlainDecimal.format(number.doubleValue());
        }
        return String.valueOf(value);
    }
}
