package org.hazardstream.report.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.report.ComparisonTable;
import org.hazardstream.core.report.RegressionTable;
import org.hazardstream.core.report.TableFormat;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.report.config.ReportSettings;
import org.hazardstream.report.persistence.FitResultRepository;
import org.hazardstream.report.persistence.StoredFitResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Reads stored results into the shapes of the HTTP contract. The estimate views are built from the stored JSON
 * tree, not from re-serialised records, so fields that a newer model-service adds pass through unchanged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EstimateService {

    /** A rendered table and its media type. */
    public record RenderedTable(String text, String mediaType) {
    }

    private final FitResultRepository repository;
    private final ReportSettings settings;

    public EstimateService(FitResultRepository repository, ReportSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    public List<EstimateSummary> specs() {
        return ordered(repository.latestPerSpec()).stream()
                .map(r -> new EstimateSummary(r.spec, r.computedAt, r.panelVersion))
                .toList();
    }

    /** The latest result of a spec as the contract's estimate JSON. */
    public ObjectNode latest(String spec) {
        return estimateView(latestOf(spec));
    }

    /** The latest result of every spec, in {@link ReportSettings#specOrder()}. */
    public List<ObjectNode> latestOfEverySpec() {
        return ordered(repository.latestPerSpec()).stream().map(EstimateService::estimateView).toList();
    }

    public List<TermHistoryPoint> history(String spec, String term) {
        List<StoredFitResult> results = repository.history(spec);
        if (results.isEmpty()) {
            throw new NoSuchResultException("no result for spec '" + spec + "'");
        }
        List<TermHistoryPoint> points = new ArrayList<>(results.size());
        boolean anyHasTerm = false;
        for (StoredFitResult stored : results) {
            JsonNode coefficient = coefficient(payload(stored).path("result"), term);
            anyHasTerm |= coefficient != null;
            points.add(point(stored, coefficient));
        }
        if (!anyHasTerm) {
            throw new NoSuchResultException("spec '" + spec + "' has no term '" + term + "'; its terms: "
                    + String.join(", ", terms(payload(results.get(results.size() - 1)).path("result"))));
        }
        return points;
    }

    /** The regression table of a spec's latest result. */
    public RenderedTable table(String spec, TableFormat format) {
        FitResult result = fitResult(latestOf(spec));
        String text = format.renderer().render(RegressionTable.of(spec, result));
        return new RenderedTable(text, format.renderer().mediaType());
    }

    /** All specs' latest results side by side, columns in {@link ReportSettings#specOrder()}. */
    public RenderedTable comparisonTable(TableFormat format) {
        List<StoredFitResult> latest = ordered(repository.latestPerSpec());
        if (latest.isEmpty()) {
            throw new NoSuchResultException("no result stored yet");
        }
        Map<String, FitResult> bySpec = new LinkedHashMap<>();
        latest.forEach(r -> bySpec.put(r.spec, fitResult(r)));
        String text = format.renderer().render(ComparisonTable.of(bySpec));
        return new RenderedTable(text, format.renderer().mediaType());
    }

    private StoredFitResult latestOf(String spec) {
        return repository.latest(spec)
                .orElseThrow(() -> new NoSuchResultException("no result for spec '" + spec + "' yet"));
    }

    /** Standard specs in the configured order, then the others by name. */
    private List<StoredFitResult> ordered(List<StoredFitResult> results) {
        List<String> order = settings.specOrder();
        Comparator<StoredFitResult> byConfiguredPosition = Comparator.comparingInt(r -> {
            int i = order.indexOf(r.spec);
            return i < 0 ? order.size() : i;
        });
        return results.stream().sorted(byConfiguredPosition.thenComparing(r -> r.spec)).toList();
    }

    /**
     * The contract's estimate JSON: spec, computedAt, fitDurationMs, eventId and lineage, then every field of the
     * fit-contract JSON at the top level.
     */
    static ObjectNode estimateView(StoredFitResult stored) {
        JsonNode event = payload(stored);
        ObjectNode view = EventJson.mapper().createObjectNode();
        view.put("spec", stored.spec);
        view.set("computedAt", event.path("computedAt"));
        view.set("fitDurationMs", event.path("fitDurationMs"));
        view.put("eventId", stored.eventId);
        view.set("lineage", event.path("lineage"));
        JsonNode result = event.path("result");
        for (Iterator<Map.Entry<String, JsonNode>> fields = result.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!view.has(field.getKey())) {
                view.set(field.getKey(), field.getValue());
            }
        }
        return view;
    }

    private static TermHistoryPoint point(StoredFitResult stored, JsonNode c) {
        return new TermHistoryPoint(stored.panelVersion, stored.computedAt, stored.dataThrough, stored.eventId,
                number(c, "estimate"), number(c, "stdError"), number(c, "robustStdError"), number(c, "pValue"),
                number(c, "hazardRatio"), number(c, "confLow"), number(c, "confHigh"));
    }

    private static Double number(JsonNode coefficient, String field) {
        if (coefficient == null) {
            return null;
        }
        JsonNode value = coefficient.path(field);
        return value.isNumber() ? value.doubleValue() : null;
    }

    private static JsonNode coefficient(JsonNode result, String term) {
        for (JsonNode c : result.path("coefficients")) {
            if (term.equals(c.path("term").asText())) {
                return c;
            }
        }
        return null;
    }

    private static List<String> terms(JsonNode result) {
        List<String> terms = new ArrayList<>();
        result.path("coefficients").forEach(c -> terms.add(c.path("term").asText()));
        return terms;
    }

    private static JsonNode payload(StoredFitResult stored) {
        return EventJson.read(stored.payload, JsonNode.class);
    }

    private static FitResult fitResult(StoredFitResult stored) {
        return EventJson.read(stored.payload, FitResultEvent.class).result();
    }
}
