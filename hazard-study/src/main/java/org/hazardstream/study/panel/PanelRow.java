package org.hazardstream.study.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One city-day of the risk set, in the column order of panel-contract.md. Covariates are in {@link #COVARIATES}
 * order; a missing covariate is null.
 */
public record PanelRow(
        String cityId,
        String provinceId,
        int day,
        LocalDate date,
        int start,
        int stop,
        int event,
        List<Double> covariates) {

    /** The static covariates, from the cities stream. */
    public static final List<String> STATIC_COVARIATES = List.of(
            "population",
            "gdp_per_capita",
            "gdp_growth_q1",
            "internet_service",
            "internet_penetration",
            "data_agency",
            "leader_experience",
            "platform_type");

    /** The time-varying covariates read from the city's daily stream. */
    public static final List<String> DAILY_COVARIATES =
            List.of("salience", "intra_city_travel", "inbound_migration", "cumulative_cases", "media_reports");

    /** All 16 covariates, in contract order. */
    public static final List<String> COVARIATES;

    /** Every column of the panel, in contract order. */
    public static final List<String> COLUMNS;

    static {
        List<String> covariates = new ArrayList<>(STATIC_COVARIATES);
        covariates.addAll(DAILY_COVARIATES);
        covariates.addAll(List.of("central_policy", "competition", "provincial_platform"));
        COVARIATES = List.copyOf(covariates);
        List<String> columns =
                new ArrayList<>(List.of("city_id", "province_id", "day", "date", "start", "stop", "event"));
        columns.addAll(COVARIATES);
        COLUMNS = List.copyOf(columns);
    }

    public PanelRow {
        Objects.requireNonNull(cityId, "cityId");
        Objects.requireNonNull(date, "date");
        if (covariates.size() != COVARIATES.size()) {
            throw new IllegalArgumentException(covariates.size() + " covariates, expected " + COVARIATES.size());
        }
        // List.copyOf refuses nulls, and null is how a missing covariate is said.
        covariates = Collections.unmodifiableList(Arrays.asList(covariates.toArray(new Double[0])));
    }

    /** A covariate by name; null when missing. */
    public Double covariate(String name) {
        int i = COVARIATES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no covariate '" + name + "'");
        }
        return covariates.get(i);
    }

    /** The row as CSV fields in {@link #COLUMNS} order; numbers as {@link Panel#formatNumber}, missing as "". */
    public String[] toFields() {
        String[] fields = new String[COLUMNS.size()];
        fields[0] = cityId;
        fields[1] = provinceId;
        fields[2] = Integer.toString(day);
        fields[3] = date.toString();
        fields[4] = Integer.toString(start);
        fields[5] = Integer.toString(stop);
        fields[6] = Integer.toString(event);
        for (int i = 0; i < covariates.size(); i++) {
            Double v = covariates.get(i);
            fields[7 + i] = v == null ? "" : Panel.formatNumber(v);
        }
        return fields;
    }
}
