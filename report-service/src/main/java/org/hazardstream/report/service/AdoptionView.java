package org.hazardstream.report.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hazardstream.events.PanelDelta;
import org.hazardstream.events.PanelDeltaAssembler.CompleteVersion;
import org.hazardstream.events.PanelVersionCompleted;
import org.hazardstream.study.panel.PanelRow;

/**
 * The adoption side of the panel, rebuilt from the panel-deltas topic: a row with event > 0 is a city's adoption
 * (day and mode), every row names its city's province. Only whole versions are applied, and the curves are
 * recomputed after each, so readers never see a half-applied version.
 */
@ApplicationScoped
public class AdoptionView {

    /** What the curves need of a panel row. */
    private record RowFact(String cityId, String provinceId, LocalDate date, int day, int event) {}

    static final Map<Integer, String> MODE_NAMES = Map.of(1, "self-built", 2, "provincial");

    private final Map<PanelDelta.RowKey, RowFact> rowsByKey = new HashMap<>();
    private volatile AdoptionCurves current = AdoptionCurves.NONE;

    /** Applies one whole panel version and returns the new curves. */
    public synchronized AdoptionCurves apply(CompleteVersion version) {
        for (PanelDelta.RowKey removed : version.removed()) {
            rowsByKey.remove(removed);
        }
        for (PanelRow row : version.rows()) {
            rowsByKey.put(
                    new PanelDelta.RowKey(row.cityId(), row.day()),
                    new RowFact(row.cityId(), row.provinceId(), row.date(), row.day(), row.event()));
        }
        current = curves(version.version());
        return current;
    }

    public AdoptionCurves current() {
        return current;
    }

    private AdoptionCurves curves(PanelVersionCompleted marker) {
        Map<String, String> provinceOfCity = new TreeMap<>();
        List<AdoptionCurves.Adoption> adoptions = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (RowFact row : rowsByKey.values()) {
            provinceOfCity.put(row.cityId(), row.provinceId());
            first = first == null || row.date().isBefore(first) ? row.date() : first;
            last = last == null || row.date().isAfter(last) ? row.date() : last;
            if (row.event() > 0) {
                adoptions.add(new AdoptionCurves.Adoption(
                        row.cityId(),
                        row.provinceId(),
                        row.date(),
                        row.day(),
                        row.event(),
                        MODE_NAMES.getOrDefault(row.event(), "mode " + row.event())));
            }
        }
        adoptions.sort(
                Comparator.comparing(AdoptionCurves.Adoption::date).thenComparing(AdoptionCurves.Adoption::cityId));
        List<AdoptionCurves.CurvePoint> points = new ArrayList<>();
        if (first != null) {
            int cities = provinceOfCity.size();
            Map<String, Integer> citiesPerProvince = new TreeMap<>();
            provinceOfCity.values().forEach(p -> citiesPerProvince.merge(String.valueOf(p), 1, Integer::sum));
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                LocalDate through = date;
                List<AdoptionCurves.Adoption> sofar = adoptions.stream()
                        .filter(a -> !a.date().isAfter(through))
                        .toList();
                points.add(point(date, AdoptionCurves.GROUP_ALL, "all cities", cities, sofar.size()));
                for (Map.Entry<Integer, String> mode : new TreeMap<>(MODE_NAMES).entrySet()) {
                    int adopted = (int) sofar.stream()
                            .filter(a -> a.mode() == mode.getKey())
                            .count();
                    points.add(point(date, AdoptionCurves.GROUP_MODE, mode.getValue(), cities, adopted));
                }
                for (Map.Entry<String, Integer> province : citiesPerProvince.entrySet()) {
                    int adopted = (int) sofar.stream()
                            .filter(a -> province.getKey().equals(String.valueOf(a.provinceId())))
                            .count();
                    points.add(point(
                            date, AdoptionCurves.GROUP_PROVINCE, province.getKey(), province.getValue(), adopted));
                }
            }
        }
        return new AdoptionCurves(
                marker.panelVersion(),
                marker.completedAt(),
                marker.dataThrough(),
                marker.rows(),
                provinceOfCity.size(),
                marker.events(),
                adoptions,
                points);
    }

    private static AdoptionCurves.CurvePoint point(
            LocalDate date, String group, String series, int atRisk, int adopted) {
        return new AdoptionCurves.CurvePoint(
                date, group, series, atRisk, adopted, atRisk == 0 ? 0.0 : (double) adopted / atRisk);
    }
}
