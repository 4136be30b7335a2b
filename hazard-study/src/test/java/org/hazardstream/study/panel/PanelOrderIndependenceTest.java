package org.hazardstream.study.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: a random raw data set, corrections included, gives the same panel in every arrival order that keeps
 * the records of one key in their order (records of different keys are shuffled freely).
 */
class PanelOrderIndependenceTest {

    private static final PanelSettings WINDOW =
            new PanelSettings(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 20), 3);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void everyOrderGivesTheSamePanel(long seed) {
        Random random = new Random(seed);
        List<RawRecord> records = randomRecords(random);
        Panel expected = new PanelBuilder().build(applyAll(records), WINDOW);
        assertThat(expected.rows()).isNotEmpty();
        for (int order = 0; order < 20; order++) {
            List<RawRecord> shuffled = interleave(records, random);
            Panel actual = new PanelBuilder().build(applyAll(shuffled), WINDOW);
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.toCsv()).isEqualTo(expected.toCsv());
        }
    }

    /** Shuffles records across keys while each key's records stay in their original order. */
    private static List<RawRecord> interleave(List<RawRecord> records, Random random) {
        Map<String, Deque<RawRecord>> byKey = new LinkedHashMap<>();
        for (RawRecord r : records) {
            byKey.computeIfAbsent(r.stream().id() + "|" + r.key(), k -> new ArrayDeque<>())
                    .add(r);
        }
        List<Deque<RawRecord>> queues = new ArrayList<>(byKey.values());
        List<RawRecord> out = new ArrayList<>(records.size());
        while (!queues.isEmpty()) {
            int i = random.nextInt(queues.size());
            out.add(queues.get(i).poll());
            if (queues.get(i).isEmpty()) {
                queues.remove(i);
            }
        }
        return out;
    }

    private static RawData applyAll(List<RawRecord> records) {
        RawData data = new RawData();
        records.forEach(data::apply);
        return data;
    }

    /** 6-12 cities in 3 provinces, daily records with gaps and empty fields, adoptions, and corrections of each kind. */
    private static List<RawRecord> randomRecords(Random random) {
        List<RawRecord> records = new ArrayList<>();
        int cities = 6 + random.nextInt(7);
        LocalDate first = LocalDate.of(2020, 1, 20);
        for (int c = 0; c < cities; c++) {
            String id = Integer.toString(100 + c * 7);
            String province = "P" + random.nextInt(3);
            records.add(Raw.city(
                    id,
                    province,
                    "population",
                    Integer.toString(1000 + random.nextInt(9000)),
                    "gdp_per_capita",
                    maybe(random, Double.toString(random.nextDouble() * 10))));
            for (int d = 0; d < 35; d++) {
                if (random.nextInt(4) == 0) {
                    continue; // a gap: carried forward
                }
                records.add(Raw.daily(
                        id,
                        first.plusDays(d).toString(),
                        "salience",
                        maybe(random, Double.toString(random.nextGaussian())),
                        "cumulative_cases",
                        maybe(random, Integer.toString(random.nextInt(100)))));
            }
            if (random.nextInt(3) > 0) {
                records.add(Raw.adoption(
                        id, first.plusDays(random.nextInt(40)).toString(), Integer.toString(1 + random.nextInt(2))));
            }
        }
        for (int p = 0; p < 3; p++) {
            records.add(Raw.province(
                    "P" + p,
                    random.nextBoolean() ? first.plusDays(random.nextInt(30)).toString() : ""));
        }
        for (int d = 0; d < 30; d += 1 + random.nextInt(5)) {
            records.add(Raw.national(first.plusDays(d).toString(), maybe(random, Integer.toString(random.nextInt(2)))));
        }
        // corrections: replay some records of existing keys with new values (cities may move province)
        int corrections = 10 + random.nextInt(20);
        for (int k = 0; k < corrections; k++) {
            RawRecord original = records.get(random.nextInt(records.size()));
            Map<String, String> fields = new LinkedHashMap<>(original.fields());
            switch (original.stream()) {
                case DAILY -> fields.put("salience", maybe(random, Double.toString(random.nextGaussian())));
                case CITIES -> fields.put("province_id", "P" + random.nextInt(3));
                case ADOPTIONS ->
                    fields.put("date", first.plusDays(random.nextInt(40)).toString());
                case PROVINCES ->
                    fields.put(
                            "platform_launch_date",
                            first.plusDays(random.nextInt(30)).toString());
                case NATIONAL -> fields.put("central_policy", maybe(random, "1"));
            }
            records.add(new RawRecord(original.stream(), fields));
        }
        return records;
    }

    private static String maybe(Random random, String value) {
        return random.nextInt(5) == 0 ? "" : value;
    }
}
