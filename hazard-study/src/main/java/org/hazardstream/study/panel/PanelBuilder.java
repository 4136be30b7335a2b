package org.hazardstream.study.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Builds the panel of panel-contract.md from the latest raw records. A pure function of its inputs: the same
 * {@link RawData} content gives the same panel whatever order the records were applied in.
 *
 * <p>The panel is what has been observed (the contract's "Observation" rule): rows end at t(D), the data-through
 * date D = min(E, latest daily date, explicit through date); an adoption after D is not yet an event.
 *
 * <p>Cost: one forward sweep over each city's daily records (carry-forward field by field) and one over the
 * national records, so a full build is O(records + cities x days).
 */
public final class PanelBuilder {

    private static final int STATIC_COUNT = PanelRow.STATIC_COVARIATES.size();
    private static final int DAILY_COUNT = PanelRow.DAILY_COVARIATES.size();
    private static final int CENTRAL_POLICY = STATIC_COUNT + DAILY_COUNT;
    private static final int COMPETITION = CENTRAL_POLICY + 1;
    private static final int PROVINCIAL_PLATFORM = CENTRAL_POLICY + 2;

    /** The whole observed panel. */
    public Panel build(RawData raw, PanelSettings settings) {
        Window window = new Window(raw, settings);
        List<PanelRow> rows = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String cityId : raw.cities().keySet()) {
            if (window.adoptedBeforeStart(cityId)) {
                excluded.add(cityId);
            } else {
                rows.addAll(window.rowsForCity(cityId, 1));
            }
        }
        return new Panel(rows, excluded);
    }

    /**
     * The rows of one city, in day order: empty when the city is unknown or adopted before the window.
     */
    public List<PanelRow> rowsForCity(RawData raw, PanelSettings settings, String cityId) {
        return rowsForCities(raw, settings, Map.of(cityId, 1)).get(cityId);
    }

    /**
     * For each city of {@code firstDays}, its rows from that day on (day order; empty when the city is unknown or
     * adopted before the window, or has no row from that day). The streaming panel-service re-derives only the
     * cities and days a batch of records can reach with this: one pass over the shared series for all of them.
     */
    public Map<String, List<PanelRow>> rowsForCities(
            RawData raw, PanelSettings settings, Map<String, Integer> firstDays) {
        Window window = new Window(raw, settings);
        Map<String, List<PanelRow>> rows = new HashMap<>();
        firstDays.forEach((cityId, firstDay) -> rows.put(
                cityId,
                raw.city(cityId).isEmpty() || window.adoptedBeforeStart(cityId)
                        ? List.of()
                        : window.rowsForCity(cityId, firstDay)));
        return rows;
    }

    /** The known cities left out because they adopted before the window, in text order. */
    public static List<String> excludedCities(RawData raw, PanelSettings settings) {
        return raw.cities().keySet().stream()
                .filter(id -> adoptedBeforeStart(raw, settings, id))
                .toList();
    }

    private static boolean adoptedBeforeStart(RawData raw, PanelSettings settings, String cityId) {
        LocalDate date = adoptionDate(raw, cityId);
        return date != null && date.isBefore(settings.start());
    }

    /** A city's adoption date, or null when it has none (or a withdrawn one). */
    private static LocalDate adoptionDate(RawData raw, String cityId) {
        RawRecord adoption = raw.adoption(cityId).orElse(null);
        return adoption == null || adoption.isMissing("date") ? null : RawStream.parseDate(adoption.get("date"));
    }

    /** The data-through date D of the panel that {@code raw} gives (null while there is no daily record). */
    public static LocalDate dataThrough(RawData raw, PanelSettings settings) {
        return settings.dataThrough(raw.latestDailyDate());
    }

    /** Everything shared by the cities of one build: settings, national series, adoption dates by province. */
    private static final class Window {
        private final RawData raw;
        private final PanelSettings settings;
        private final int days;
        /** D and t(D): rows end at t(D); an adoption after D is not yet an event. */
        private final LocalDate dataThrough;

        private final int observedDays;
        private final LocalDate firstReference;
        private final double[] centralPolicy;
        /** Adoption dates of known cities, by province (cities that adopted before the window included). */
        private final Map<String, List<Adoption>> adoptionsByProvince = new HashMap<>();
        /** Per province, built on first use: adopters counted by day (see {@link #adoptersByDay}). */
        private final Map<String, int[]> adoptersByDay = new HashMap<>();

        Window(RawData raw, PanelSettings settings) {
            this.raw = raw;
            this.settings = settings;
            this.days = settings.days();
            this.dataThrough = dataThrough(raw, settings);
            this.observedDays = settings.observedDays(dataThrough);
            this.firstReference = settings.referenceDate(1);
            this.centralPolicy = carryForward(raw.nationalValues(), 1)[0];
            for (RawRecord adoption : raw.adoptions().values()) {
                String cityId = adoption.get("city_id");
                RawRecord city = raw.city(cityId).orElse(null);
                if (city == null || adoption.isMissing("date")) {
                    continue; // an adoption of an unknown city, or a withdrawn one, counts nowhere
                }
                adoptionsByProvince
                        .computeIfAbsent(city.get("province_id"), p -> new ArrayList<>())
                        .add(new Adoption(cityId, RawStream.parseDate(adoption.get("date"))));
            }
        }

        boolean adoptedBeforeStart(String cityId) {
            return PanelBuilder.adoptedBeforeStart(raw, settings, cityId);
        }

        private LocalDate adoptionDate(String cityId) {
            return PanelBuilder.adoptionDate(raw, cityId);
        }

        /** The city's rows with day >= firstDay, in day order. */
        List<PanelRow> rowsForCity(String cityId, int firstDay) {
            RawRecord city = raw.city(cityId).orElseThrow();
            String provinceId = city.get("province_id");
            LocalDate adopted = adoptionDate(cityId);
            int lastDay = observedDays;
            int eventCode = 0;
            // D <= E, so an adoption on or before D is inside the window
            if (adopted != null && dataThrough != null && !adopted.isAfter(dataThrough)) {
                lastDay = (int) settings.dayIndex(adopted);
                eventCode = (int)
                        Double.parseDouble(raw.adoption(cityId).orElseThrow().get("mode"));
            }

            Double[] statics = new Double[STATIC_COUNT];
            for (int i = 0; i < STATIC_COUNT; i++) {
                statics[i] = number(city.get(PanelRow.STATIC_COVARIATES.get(i)));
            }
            double[][] daily = carryForward(raw.dailyValues(cityId), DAILY_COUNT);
            int[] competition = competition(cityId, provinceId);
            LocalDate launch = raw.province(provinceId)
                    .filter(p -> !p.isMissing("platform_launch_date"))
                    .map(p -> RawStream.parseDate(p.get("platform_launch_date")))
                    .orElse(null);

            List<PanelRow> rows = new ArrayList<>(Math.max(0, lastDay - firstDay + 1));
            for (int t = Math.max(1, firstDay); t <= lastDay; t++) {
                Double[] covariates = new Double[PanelRow.COVARIATES.size()];
                System.arraycopy(statics, 0, covariates, 0, STATIC_COUNT);
                for (int f = 0; f < DAILY_COUNT; f++) {
                    covariates[STATIC_COUNT + f] = orNull(daily[f][t - 1]);
                }
                covariates[CENTRAL_POLICY] = orNull(centralPolicy[t - 1]);
                covariates[COMPETITION] = (double) competition[t - 1];
                LocalDate reference = settings.referenceDate(t);
                covariates[PROVINCIAL_PLATFORM] = launch != null && !launch.isAfter(reference) ? 1.0 : 0.0;
                rows.add(new PanelRow(
                        cityId,
                        provinceId,
                        t,
                        settings.date(t),
                        t - 1,
                        t,
                        t == lastDay ? eventCode : 0,
                        Arrays.asList(covariates)));
            }
            return rows;
        }

        /** For each day, the number of OTHER cities of the province with an adoption date <= the reference date. */
        private int[] competition(String cityId, String provinceId) {
            int[] counts = adoptersByDay
                    .computeIfAbsent(provinceId, this::adoptersByDay)
                    .clone();
            LocalDate own = adoptionDate(cityId);
            if (own != null) {
                for (int t = firstCountingDay(own); t <= days; t++) {
                    counts[t - 1]--;
                }
            }
            return counts;
        }

        /** For each day, the number of cities of the province (any) with an adoption date <= the reference date. */
        private int[] adoptersByDay(String provinceId) {
            int[] counts = new int[days + 1];
            for (Adoption adoption : adoptionsByProvince.getOrDefault(provinceId, List.of())) {
                counts[firstCountingDay(adoption.date()) - 1]++;
            }
            for (int t = 1; t < days; t++) {
                counts[t] += counts[t - 1];
            }
            return Arrays.copyOf(counts, days);
        }

        /** The first day whose reference date is on or after {@code adopted}, or T + 1 when none is. */
        private int firstCountingDay(LocalDate adopted) {
            return Math.min(days + 1, settings.firstDayReading(adopted));
        }

        /**
         * For each day t = 1..T and each field, the value at the reference date of t, or else the most recent
         * earlier non-empty value of that field (field by field); NaN when there is none. One forward sweep.
         */
        private double[][] carryForward(NavigableMap<LocalDate, double[]> records, int fields) {
            double[][] series = new double[fields][days];
            double[] last = new double[fields];
            Arrays.fill(last, Double.NaN);
            Iterator<Map.Entry<LocalDate, double[]>> entries =
                    records.entrySet().iterator();
            Map.Entry<LocalDate, double[]> next = entries.hasNext() ? entries.next() : null;
            for (int t = 1; t <= days; t++) {
                LocalDate reference = firstReference.plusDays(t - 1L);
                while (next != null && !next.getKey().isAfter(reference)) {
                    double[] values = next.getValue();
                    for (int f = 0; f < fields; f++) {
                        if (!Double.isNaN(values[f])) {
                            last[f] = values[f];
                        }
                    }
                    next = entries.hasNext() ? entries.next() : null;
                }
                for (int f = 0; f < fields; f++) {
                    series[f][t - 1] = last[f];
                }
            }
            return series;
        }
    }

    private record Adoption(String cityId, LocalDate date) {}

    private static Double number(String text) {
        return text.isEmpty() ? null : Double.valueOf(text);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
