package org.hazardstream.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hazardstream.study.panel.RawRecord;
import org.hazardstream.study.panel.RawStream;

/**
 * Seeded random raw data in the shape of the study: cities in provinces, daily values from before the window to
 * its end with gaps and empty fields, national values, province launch dates and adoptions (some before the
 * window, some after it, some withdrawn). City and province ids carry a prefix so that data sets of different
 * tests do not share keys (national records, keyed by date, are shared on purpose).
 */
final class RawDataGenerator {

    private static final LocalDate FIRST = LocalDate.of(2020, 1, 25);
    private static final LocalDate LAST = LocalDate.of(2020, 3, 31);

    private final Random random;
    private final String prefix;

    RawDataGenerator(long seed, String prefix) {
        this.random = new Random(seed);
        this.prefix = prefix;
    }

    /** Records in stream order (cities, provinces, national, daily, adoptions). */
    List<RawRecord> generate(int cityCount, int provinceCount) {
        List<RawRecord> records = new ArrayList<>();
        List<String> cities = new ArrayList<>();
        for (int p = 0; p < provinceCount; p++) {
            LocalDate launch = random.nextDouble() < 0.7 ? FIRST.plusDays(random.nextInt(70)) : null;
            records.add(record(
                    RawStream.PROVINCES,
                    "province_id",
                    province(p),
                    "platform_launch_date",
                    launch == null ? "" : launch.toString()));
        }
        for (int c = 0; c < cityCount; c++) {
            String id = prefix + String.format("%04d", c);
            cities.add(id);
            records.add(cityRecord(id, province(random.nextInt(provinceCount))));
        }
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (random.nextDouble() < 0.9) {
                records.add(record(
                        RawStream.NATIONAL,
                        "date",
                        d.toString(),
                        "central_policy",
                        maybe(Integer.toString(random.nextInt(4)))));
            }
        }
        for (String city : cities) {
            int cases = 0;
            for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
                cases += random.nextInt(5);
                if (random.nextDouble() < 0.85) {
                    records.add(dailyRecord(city, d, cases));
                }
            }
        }
        for (String city : cities) {
            double u = random.nextDouble();
            if (u < 0.65) {
                records.add(
                        adoption(city, LocalDate.of(2020, 1, 20).plusDays(random.nextInt(80)), 1 + random.nextInt(2)));
            } else if (u < 0.72) {
                records.add(record(RawStream.ADOPTIONS, "city_id", city, "date", "", "mode", ""));
            }
        }
        return records;
    }

    /** A correction: the same key with new values (an adoption may move or be withdrawn). */
    RawRecord correct(RawRecord original) {
        return switch (original.stream()) {
            case DAILY ->
                dailyRecord(original.get("city_id"), LocalDate.parse(original.get("date")), random.nextInt(500));
            case NATIONAL ->
                record(
                        RawStream.NATIONAL,
                        "date",
                        original.get("date"),
                        "central_policy",
                        maybe(Integer.toString(random.nextInt(4))));
            case PROVINCES ->
                record(
                        RawStream.PROVINCES,
                        "province_id",
                        original.get("province_id"),
                        "platform_launch_date",
                        random.nextBoolean()
                                ? FIRST.plusDays(random.nextInt(70)).toString()
                                : "");
            case ADOPTIONS ->
                random.nextDouble() < 0.2
                        ? record(RawStream.ADOPTIONS, "city_id", original.get("city_id"), "date", "", "mode", "")
                        : adoption(
                                original.get("city_id"),
                                LocalDate.of(2020, 1, 25).plusDays(random.nextInt(75)),
                                1 + random.nextInt(2));
            case CITIES -> cityRecord(original.get("city_id"), original.get("province_id"));
        };
    }

    private String province(int p) {
        return prefix + "P" + p;
    }

    private RawRecord cityRecord(String id, String province) {
        return record(
                RawStream.CITIES,
                "city_id",
                id,
                "city_name",
                "City " + id,
                "province_id",
                province,
                "population",
                Integer.toString(100_000 + random.nextInt(9_000_000)),
                "gdp_per_capita",
                maybe(String.valueOf(Math.round(random.nextDouble() * 1e5) / 10.0)),
                "gdp_growth_q1",
                String.valueOf(Math.round((random.nextDouble() * 20 - 10) * 100) / 100.0),
                "internet_service",
                String.valueOf(random.nextDouble()),
                "internet_penetration",
                String.valueOf(Math.round(random.nextDouble() * 1000) / 1000.0),
                "data_agency",
                Integer.toString(random.nextInt(4)),
                "leader_experience",
                Integer.toString(random.nextInt(2)),
                "platform_type",
                Integer.toString(1 + random.nextInt(5)));
    }

    private RawRecord dailyRecord(String city, LocalDate date, int cases) {
        return record(
                RawStream.DAILY,
                "city_id",
                city,
                "date",
                date.toString(),
                "salience",
                maybe(String.valueOf(Math.round(random.nextDouble() * 1000) / 100.0)),
                "intra_city_travel",
                maybe(String.valueOf(random.nextDouble() * 5)),
                "inbound_migration",
                maybe(String.valueOf(random.nextInt(2000) / 7.0)),
                "cumulative_cases",
                maybe(Integer.toString(cases)),
                "media_reports",
                maybe(Integer.toString(random.nextInt(50))));
    }

    private RawRecord adoption(String city, LocalDate date, int mode) {
        return record(RawStream.ADOPTIONS, "city_id", city, "date", date.toString(), "mode", Integer.toString(mode));
    }

    /** The value, or an empty (missing) field one time in twenty. */
    private String maybe(String value) {
        return random.nextDouble() < 0.05 ? "" : value;
    }

    private static RawRecord record(RawStream stream, String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new RawRecord(stream, fields);
    }
}
