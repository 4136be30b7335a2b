package org.hazardstream.study;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A study as data (study-contract.md): its units and groups, time axis, outcome, input streams, the panel's
 * covariates and the model specs. Read and checked by {@link StudyDefinitions}; the records only carry the document.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyDefinition(
        String id,
        String title,
        String description,
        String source,
        Unit unit,
        Time time,
        Outcome outcome,
        List<Stream> streams,
        List<Covariate> covariates,
        List<Spec> specs,
        List<Hypothesis> hypotheses) {

    public StudyDefinition {
        streams = List.copyOf(streams);
        covariates = List.copyOf(covariates);
        specs = List.copyOf(specs);
        hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
    }

    /** The unit, its id and optional label column in the units stream, and its group columns in panel order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unit(String name, String id, String label, List<String> groups, Coordinates coordinates) {
        public Unit {
            groups = List.copyOf(groups);
        }
    }

    public record Coordinates(String latitude, String longitude) {}

    /**
     * The time axis: {@code start} and {@code end} are ISO date strings on a day axis, year numbers on a year axis
     * (kept as the document wrote them, so that a definition reads back the same).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Time(TimeUnit unit, Object start, Object end, int lag, String clock) {
        public String startText() {
            return String.valueOf(start);
        }

        public String endText() {
            return String.valueOf(end);
        }
    }

    public record Outcome(String stream, List<Mode> modes) {
        public Outcome {
            modes = List.copyOf(modes);
        }
    }

    public record Mode(int code, String label) {}

    /**
     * One input stream. {@code group} names the group column a groups stream describes; {@code time} the time
     * column of a series or events stream; {@code mode} the mode column of an events stream; {@code pair} the two
     * unit columns and {@code connected} the optional 0/1 column of an adjacency stream.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stream(
            String name,
            StreamKind kind,
            String group,
            String time,
            String mode,
            List<String> pair,
            String connected,
            List<Column> columns) {
        public Stream {
            columns = List.copyOf(columns);
        }

        public Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
        }
    }

    /** A column of a stream: its type, whether it may be empty, and for numbers optional bounds or a code list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Column(
            String name, ColumnType type, boolean required, Double minimum, Double maximum, List<Integer> codes) {}

    /**
     * One panel covariate. Which of the optional fields a kind reads: attribute {@code column}; group attribute and
     * group reached {@code group} and {@code column}; series and global {@code stream} and {@code column}; peers
     * adopted {@code group}, {@code measure} and optional {@code mode}; neighbours adopted {@code measure} and
     * optional {@code mode}; expression {@code formula}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Covariate(
            String name,
            CovariateKind kind,
            String column,
            String group,
            String stream,
            Measure measure,
            Integer mode,
            String formula) {}

    /** A model spec: the fit contract's options without dashes; covariates default to every covariate. */
    public record Spec(String name, Map<String, Object> options) {
        public Spec {
            options = Map.copyOf(options);
        }
    }

    public record Hypothesis(String id, String wording, List<String> terms, List<String> specs, String sign) {}

    public Optional<Stream> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The stream of a kind that exists once per study (units, events), if declared. */
    public Optional<Stream> streamOfKind(StreamKind kind) {
        return streams.stream().filter(s -> s.kind() == kind).findFirst();
    }

    public Stream unitsStream() {
        return streamOfKind(StreamKind.UNITS).orElseThrow();
    }

    public Stream eventsStream() {
        return stream(outcome.stream()).orElseThrow();
    }

    public List<String> covariateNames() {
        return covariates.stream().map(Covariate::name).toList();
    }
}
