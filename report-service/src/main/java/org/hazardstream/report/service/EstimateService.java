package org.hazardstream.report.service;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.report.ComparisonTable;
import org.hazardstream.core.report.RegressionTable;
import org.hazardstream.core.report.TableFormat;
import org.hazardstream.events.EventJson;
import org.hazardstream.events.FitResultEvent;
import org.hazardstream.report.persistence.FitResultRepository;
import org.hazardstream.report.persistence.StoredFitResult;
import org.hazardstream.study.StudyDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads stored results into the shapes of the HTTP contract. The estimate views are built from the stored JSON
 * tree, not from re-serialised records, so fields that a newer model-service adds pass through unchanged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EstimateService {

    /** A rendered table and its media type. */
    public record RenderedTable(String text, String mediaType) {}

    private final FitResultRepository repository;
    private final List<String> specOrder;

    public EstimateService(FitResultRepository repository, StudyCatalog studies) {
        this.repository = repository;
        this.specOrder =
                studies.live().specs().stream().map(StudyDefinition.Spec::name).toList();
    }

    public List<EstimateSummary> specs() {
        return ordered(repository.latestPerSpec()).stream()
                .map(r -> new EstimateSummary(r.spec, r.computedAt, r.panelVersion, r.optionsFingerprint, r.identified))
                .toList();
    }

    /** The latest result of a spec as the contract's estimate JSON. */
    public ObjectNode latest(String spec) {
        return estimateView(latestOf(spec));
    }

    /** The latest result of every spec, in the live study's spec order. */
    public List<ObjectNode> latestOfEverySpec() {
        return ordered(repository.latestPerSpec()).stream()
                .map(EstimateService::estimateView)
                .toList();
    }

    /**
     * A term's history over the results of one option set of a spec: the latest result's, unless
     * {@code optionsFingerprint} names another. A chart of it never mixes two models under one spec name.
     */
    public List<TermHistoryPoint> history(String spec, String term, String optionsFingerprint) {
        StoredFitResult latest = latestOf(spec);
        String options = optionsFingerprint == null ? latest.optionsFingerprint : optionsFingerprint;
        List<TermHistoryPoint> points = repository.termHistory(spec, options, term);
        if (points.isEmpty()) {
            if (!repository.hasResults(spec, options)) {
                throw new NoSuchResultException("spec '" + spec + "' has no result with options " + options);
            }
            throw new NoSuchResultException("spec '" + spec + "' has no term '" + term + "'; its terms: "
                    + String.join(", ", repository.terms(latest.id)));
        }
        return points;
    }

    /** The regression table of a spec's latest result. */
    public RenderedTable table(String spec, TableFormat format) {
        FitResult result = fitResult(latestOf(spec));
        String text = format.renderer().render(RegressionTable.of(spec, result));
        return new RenderedTable(text, format.renderer().mediaType());
    }

    /** All specs' latest results side by side, columns in the live study's spec order. */
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
        return repository
                .latest(spec)
                .orElseThrow(() -> new NoSuchResultException("no result for spec '" + spec + "' yet"));
    }

    /** The live study's specs in its order, then the others by name. */
    private List<StoredFitResult> ordered(List<StoredFitResult> results) {
        List<String> order = specOrder;
        Comparator<StoredFitResult> byConfiguredPosition = Comparator.comparingInt(r -> {
            int i = order.indexOf(r.spec);
            return i < 0 ? order.size() : i;
        });
        return results.stream()
                .sorted(byConfiguredPosition.thenComparing(r -> r.spec))
                .toList();
    }

    /**
     * The contract's estimate JSON: spec, computedAt, fitDurationMs, eventId, lineage and provenance, then every
     * field of the fit-contract JSON at the top level.
     */
    static ObjectNode estimateView(StoredFitResult stored) {
        JsonNode event = payload(stored);
        ObjectNode view = EventJson.mapper().createObjectNode();
        view.put("spec", stored.spec);
        view.set("computedAt", event.path("computedAt"));
        view.set("fitDurationMs", event.path("fitDurationMs"));
        view.put("eventId", stored.eventId);
        view.set("lineage", event.path("lineage"));
        if (event.has("provenance")) {
            view.set("provenance", event.path("provenance"));
        }
        JsonNode result = event.path("result");
        for (Iterator<Map.Entry<String, JsonNode>> fields = result.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!view.has(field.getKey())) {
                view.set(field.getKey(), field.getValue());
            }
        }
        return view;
    }

    private static JsonNode payload(StoredFitResult stored) {
        return EventJson.read(stored.payload, JsonNode.class);
    }

    private static FitResult fitResult(StoredFitResult stored) {
        return EventJson.read(stored.payload, FitResultEvent.class).result();
    }
}
