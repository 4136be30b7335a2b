package org.hazardstream.core.fit;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The JSON of fit-contract.md: field names and order as the contract, nulls written as null, and a
 * non-finite number (which JSON cannot hold) written as null too, since the result's warnings say why.
 * The command line, the model-service and the report-service all write and read fit results with this mapper.
 */
public final class FitResultJson {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

    private FitResultJson() {}

    /** The shared, configured mapper (thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the contract's settings to a mapper builder, for a service that builds its own mapper. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        SimpleModule finiteOrNull = new SimpleModule("finite-or-null");
        finiteOrNull.addSerializer(Double.class, new FiniteOrNull());
        finiteOrNull.addSerializer(double.class, new FiniteOrNull());
        return builder.addModule(finiteOrNull)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addMixIn(FitResult.class, FitResultOrder.class)
                .addMixIn(FitResult.Coefficient.class, CoefficientOrder.class);
    }

    public static String write(FitResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fit result not serialisable", e);
        }
    }

    /** Indented, for people (the command line). */
    public static String writePretty(FitResult result) {
        try {
            return MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fit result not serialisable", e);
        }
    }

    public static FitResult read(String json) {
        try {
            return MAPPER.readValue(json, FitResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a fit result: " + e.getOriginalMessage(), e);
        }
    }

    @JsonPropertyOrder({
        "model",
        "n",
        "events",
        "excludedRows",
        "converged",
        "iterations",
        "identified",
        "logLikelihood",
        "nullLogLikelihood",
        "aic",
        "tests",
        "concordance",
        "phTest",
        "warnings",
        "coefficients",
        "baseline"
    })
    private abstract static class FitResultOrder {}

    @JsonPropertyOrder({
        "term",
        "estimate",
        "stdError",
        "robustStdError",
        "z",
        "pValue",
        "hazardRatio",
        "confLow",
        "confHigh"
    })
    private abstract static class CoefficientOrder {}

    private static final class FiniteOrNull extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
