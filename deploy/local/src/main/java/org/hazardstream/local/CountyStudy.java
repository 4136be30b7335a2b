package org.hazardstream.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A generated county-scale study in the shape of the demo data set (deploy/local/demo, panel-contract.md's five raw
 * streams): by default 2,844 units ("counties") in the 31 provinces of mainland China's codes, over the 365 days
 * 2020-01-01 .. 2020-12-30, daily records from the lag before the window. Everything is simulated from a seed
 * ({@link java.util.Random}, whose algorithm Java specifies), so a design gives the same study on every machine;
 * nothing is read from anywhere.
 *
 * <p>The numbers are held as arrays (about 35 MB for the standard design) and the CSV rows of a day are made when
 * asked for, so a streamer never holds the million daily rows as text. {@link #main} writes the five CSV files.
 *
 * <p>The model, like generate_demo.py's but over a year with two epidemic waves:
 * <ul>
 *   <li>province sizes: weights exp(N(0, 0.35)), units shared out by largest remainder; a unit's id is its
 *       province's two digits and a four-digit number (110001, ...);</li>
 *   <li>static covariates: population exp(N(ln 4.5e5, 0.6)) rounded to hundreds, gdp_per_capita exp(N(ln 50000,
 *       0.45)), gdp_growth_q1 N(-6.5, 3) (1 decimal), internet_service clip(N(60, 12), 10, 99), internet_penetration
 *       clip(N(0.58, 0.10), 0.25, 0.95), data_agency 0..3 (0.35, 0.25, 0.25, 0.15), leader_experience 1 with 0.4,
 *       platform_type 1..5;</li>
 *   <li>each province has two waves, the first peaking on day U(20, 80) of the window with width U(8, 20) days, the
 *       second on day U(200, 320) with width U(15, 35), heights exp(N(ln 30, 0.8)) and exp(N(ln 20, 0.8)) new cases
 *       a day per million residents; a unit's new cases are Poisson(population / 1e6 x waves x exp(N(0, 0.5)) +
 *       0.02), cumulative_cases their running sum; restrictions s(d) = clip(0.8 w1 + 0.5 w2, 0, 1) with w the
 *       waves' shapes (1 at the peaks);</li>
 *   <li>daily covariates with new7 the new cases of the last 7 days: salience max(0, 20 + 12 ln(1 + new7) + N(0,
 *       4)), intra_city_travel b (1 - 0.55 s) exp(N(0, 0.05)) with b = clip(N(5, 1), 1.5, 9), inbound_migration
 *       m (0.3 + 0.7 (1 - s)) exp(N(0, 0.08)) with m = clip(N(3, 1.2), 0.5, 8), empty on days 160-190 of the window
 *       (carried forward), media_reports Poisson(1 + salience / 10 + 2 ln(1 + new7));</li>
 *   <li>national central_policy 0, then 1, 2, 3, 4 from days 40, 92, 183 and 275 of the window; each province
 *       launches its platform with probability 0.6 on a day U(30, 300), else never;</li>
 *   <li>adoption: from the first daily record to 30 days after the window, a unit not yet adopted adopts on date d
 *       with probability 1 - exp(-exp(eta)), covariates read at r = d - lag (the panel's lag; the first record's
 *       values before it, the last ones after it), eta = -9.2 + 0.15 salience / 10 + 0.12 ln(1 + cumulative_cases)
 *       + 0.03 competition + 0.9 provincial_platform + 0.15 (internet_penetration - 0.6) x 10 + 0.15 data_agency +
 *       0.25 leader_experience - 0.10 intra_city_travel, competition being the province's other adopters by r; mode
 *       2 (provincial) with probability 0.85 when the province's platform is up at r, else 0.1.</li>
 * </ul>
 * With the standard design a quarter of the units adopt within the window (714: 338 mode 1, 376 mode 2; one before
 * it, 94 in the 30 days after), so most stay at risk all year and the panel ends at 941,976 rows.
 */
public final class CountyStudy implements StudyData {

    /**
     * What to generate.
     *
     * @param seed        the seed of every draw
     * @param units       number of units (counties)
     * @param groups      number of provinces, 1..31
     * @param windowStart the panel window's first day
     * @param days        the window's length in days
     * @param lagDays     the panel's covariate lag: daily records start this many days before the window
     */
    public record Design(long seed, int units, int groups, LocalDate windowStart, int days, int lagDays) {

        /** 2,844 units in 31 provinces, 2020-01-01 .. 2020-12-30, lag 3. */
        public static final Design STANDARD = new Design(20200101L, 2844, 31, LocalDate.of(2020, 1, 1), 365, 3);

        public Design {
            if (groups < 1 || groups > PROVINCE_CODES.size() || units < groups || days < 1 || lagDays < 0) {
                throw new IllegalArgumentException("no such study: " + units + " units in " + groups + " groups over "
                        + days + " days, lag " + lagDays);
            }
        }

        public LocalDate windowEnd() {
            return windowStart.plusDays(days - 1L);
        }

        /** The first daily record's date: the lag before the window. */
        public LocalDate firstDataDay() {
            return windowStart.minusDays(lagDays);
        }

        public Design withSeed(long newSeed) {
            return new Design(newSeed, units, groups, windowStart, days, lagDays);
        }
    }

    /** The 31 provinces of mainland China by their code's first two digits. */
    static final List<String> PROVINCE_CODES = List.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");

    static final List<String> CITY_COLUMNS = List.of(
            "city_id",
            "city_name",
            "province_id",
            "population",
            "gdp_per_capita",
            "gdp_growth_q1",
            "internet_service",
            "internet_penetration",
            "data_agency",
            "leader_experience",
            "platform_type");
    static final List<String> DAILY_COLUMNS = List.of(
            "city_id",
            "date",
            "salience",
            "intra_city_travel",
            "inbound_migration",
            "cumulative_cases",
            "media_reports");
    static final List<String> NATIONAL_COLUMNS = List.of("date", "central_policy");
    static final List<String> PROVINCE_COLUMNS = List.of("province_id", "platform_launch_date");
    static final List<String> ADOPTION_COLUMNS = List.of("city_id", "date", "mode");

    private static final double ALPHA = -9.2;
    private static final double B_SALIENCE = 0.15;
    private static final double B_CASES = 0.12;
    private static final double B_COMPETITION = 0.03;
    private static final double B_PLATFORM = 0.90;
    private static final double B_INTERNET = 0.15;
    private static final double B_AGENCY = 0.15;
    private static final double B_LEADER = 0.25;
    private static final double B_TRAVEL = -0.10;
    /** Days of the window (1-based) from which central_policy is 1, 2, 3, 4. */
    private static final int[] POLICY_STEPS = {40, 92, 183, 275};
    /** Days of the window (1-based) with no inbound_migration value. */
    private static final int MIGRATION_GAP_FROM = 160;

    private static final int MIGRATION_GAP_TO = 190;
    private static final int ADOPTION_DAYS_AFTER_WINDOW = 30;

    private final Design design;
    private final int dataDays;
    private final List<String> provinceIds = new ArrayList<>();
    private final LocalDate[] launches; // by province; null = never
    private final String[] unitIds;
    private final String[] unitNames;
    private final int[] unitProvince;
    private final String[][] statics; // unit -> the city columns after province_id, as text
    private final double[][] salience;
    private final double[][] travel;
    private final double[][] migration; // NaN = empty
    private final long[][] cases;
    private final int[][] media;
    private final LocalDate[] adoptionDate; // by unit; null = none by the end of the simulation
    private final int[] adoptionMode;
    private final String[] dates; // ISO text of every data day, shared by the rows

    private CountyStudy(Design design) {
        this.design = design;
        this.dataDays = design.days() + design.lagDays();
        Random rng = new Random(design.seed());
        int groups = design.groups();
        int units = design.units();

        int[] sizes = groupSizes(rng, units, groups);
        unitIds = new String[units];
        unitNames = new String[units];
        unitProvince = new int[units];
        int u = 0;
        for (int g = 0; g < groups; g++) {
            provinceIds.add(PROVINCE_CODES.get(g) + "0000");
            for (int i = 1; i <= sizes[g]; i++, u++) {
                unitIds[u] = String.format(Locale.ROOT, "%s%04d", PROVINCE_CODES.get(g), i);
                unitNames[u] = "county-" + unitIds[u];
                unitProvince[u] = g;
            }
        }

        statics = new String[units][];
        double[] population = new double[units];
        double[] penetration = new double[units];
        int[] agency = new int[units];
        int[] leader = new int[units];
        for (u = 0; u < units; u++) {
            population[u] = Math.round(Math.exp(gauss(rng, Math.log(4.5e5), 0.6)) / 100.0) * 100.0;
            long gdp = Math.round(Math.exp(gauss(rng, Math.log(50000), 0.45)));
            double growth = round(gauss(rng, -6.5, 3.0), 1);
            double service = round(clip(gauss(rng, 60, 12), 10, 99), 1);
            penetration[u] = round(clip(gauss(rng, 0.58, 0.10), 0.25, 0.95), 3);
            agency[u] = categorical(rng, 0.35, 0.25, 0.25, 0.15);
            leader[u] = rng.nextDouble() < 0.4 ? 1 : 0;
            int platformType = 1 + categorical(rng, 0.2, 0.2, 0.2, 0.2, 0.2);
            statics[u] = new String[] {
                Long.toString((long) population[u]),
                Long.toString(gdp),
                decimal(growth, 1),
                decimal(service, 1),
                decimal(penetration[u], 3),
                Integer.toString(agency[u]),
                Integer.toString(leader[u]),
                Integer.toString(platformType)
            };
        }

        // Two waves per province: intensity (new cases a day per million) and restriction level on each data day.
        double[][] intensity = new double[groups][dataDays];
        double[][] restriction = new double[groups][dataDays];
        for (int g = 0; g < groups; g++) {
            double peak1 = 20 + rng.nextDouble() * 60;
            double width1 = 8 + rng.nextDouble() * 12;
            double peak2 = 200 + rng.nextDouble() * 120;
            double width2 = 15 + rng.nextDouble() * 20;
            double height1 = Math.exp(gauss(rng, Math.log(30), 0.8));
            double height2 = Math.exp(gauss(rng, Math.log(20), 0.8));
            for (int i = 0; i < dataDays; i++) {
                double day = i - design.lagDays() + 1; // day index of the window (may be <= 0)
                double w1 = Math.exp(-0.5 * Math.pow((day - peak1) / width1, 2));
                double w2 = Math.exp(-0.5 * Math.pow((day - peak2) / width2, 2));
                intensity[g][i] = height1 * w1 + height2 * w2;
                restriction[g][i] = clip(0.8 * w1 + 0.5 * w2, 0, 1);
            }
        }

        salience = new double[units][dataDays];
        travel = new double[units][dataDays];
        migration = new double[units][dataDays];
        cases = new long[units][dataDays];
        media = new int[units][dataDays];
        for (u = 0; u < units; u++) {
            int g = unitProvince[u];
            double unitFactor = Math.exp(gauss(rng, 0, 0.5));
            double travelBase = clip(gauss(rng, 5, 1), 1.5, 9);
            double migrationBase = clip(gauss(rng, 3, 1.2), 0.5, 8);
            long[] newCases = new long[dataDays];
            long total = 0;
            for (int i = 0; i < dataDays; i++) {
                newCases[i] = poisson(rng, population[u] / 1e6 * intensity[g][i] * unitFactor + 0.02);
                total += newCases[i];
                cases[u][i] = total;
                long new7 = total - (i >= 7 ? cases[u][i - 7] : 0);
                double s = restriction[g][i];
                salience[u][i] = round(Math.max(0, 20 + 12 * Math.log1p(new7) + gauss(rng, 0, 4)), 2);
                travel[u][i] = round(travelBase * (1 - 0.55 * s) * Math.exp(gauss(rng, 0, 0.05)), 3);
                double m = round(migrationBase * (0.3 + 0.7 * (1 - s)) * Math.exp(gauss(rng, 0, 0.08)), 3);
                int day = i - design.lagDays() + 1;
                migration[u][i] = day >= MIGRATION_GAP_FROM && day <= MIGRATION_GAP_TO ? Double.NaN : m;
                media[u][i] = (int) poisson(rng, 1 + salience[u][i] / 10 + 2 * Math.log1p(new7));
            }
        }

        launches = new LocalDate[groups];
        for (int g = 0; g < groups; g++) {
            if (rng.nextDouble() < 0.6) {
                launches[g] = design.windowStart().plusDays(29 + (long) (rng.nextDouble() * 271));
            }
        }

        dates = new String[dataDays];
        for (int i = 0; i < dataDays; i++) {
            dates[i] = design.firstDataDay().plusDays(i).toString();
        }

        adoptionDate = new LocalDate[units];
        adoptionMode = new int[units];
        int[] adoptedByGroup = new int[groups]; // adopters with a date <= r, for the r of the day being simulated
        int simulatedDays = dataDays + ADOPTION_DAYS_AFTER_WINDOW;
        List<Integer> adoptedOn = new ArrayList<>(); // units in order of adoption
        int counted = 0;
        for (int i = 0; i < simulatedDays; i++) {
            LocalDate d = design.firstDataDay().plusDays(i);
            LocalDate r = d.minusDays(design.lagDays());
            while (counted < adoptedOn.size() && !adoptionDate[adoptedOn.get(counted)].isAfter(r)) {
                adoptedByGroup[unitProvince[adoptedOn.get(counted)]]++;
                counted++;
            }
            int ri = (int) Math.max(0, Math.min(dataDays - 1, i - design.lagDays()));
            for (u = 0; u < units; u++) {
                if (adoptionDate[u] != null) {
                    continue;
                }
                int g = unitProvince[u];
                int platform = launches[g] != null && !launches[g].isAfter(r) ? 1 : 0;
                double eta = ALPHA
                        + B_SALIENCE * salience[u][ri] / 10
                        + B_CASES * Math.log1p(cases[u][ri])
                        + B_COMPETITION * adoptedByGroup[g]
                        + B_PLATFORM * platform
                        + B_INTERNET * (penetration[u] - 0.6) * 10
                        + B_AGENCY * agency[u]
                        + B_LEADER * leader[u]
                        + B_TRAVEL * travel[u][ri];
                if (rng.nextDouble() < 1 - Math.exp(-Math.exp(eta))) {
                    adoptionMode[u] = rng.nextDouble() < (platform == 1 ? 0.85 : 0.1) ? 2 : 1;
                    adoptionDate[u] = d;
                    adoptedOn.add(u);
                }
            }
        }
    }

    /** The study of a design; about a second for the standard one. */
    public static CountyStudy generate(Design design) {
        return new CountyStudy(design);
    }

    public Design design() {
        return design;
    }

    public int units() {
        return unitIds.length;
    }

    public List<String> provinceIds() {
        return List.copyOf(provinceIds);
    }

    /** Panel rows once the data reach window day {@code throughDay} (1..days), as panel-contract.md counts them. */
    public long expectedPanelRows(int throughDay) {
        long rows = 0;
        for (LocalDate adopted : adoptionDate) {
            int t = adopted == null ? Integer.MAX_VALUE : dayIndex(adopted);
            if (t >= 1) {
                rows += Math.min(t, throughDay);
            }
        }
        return rows;
    }

    /** Events (adoptions on window days 1..{@code throughDay}) once the data reach that day. */
    public int expectedEvents(int throughDay) {
        int events = 0;
        for (LocalDate adopted : adoptionDate) {
            if (adopted != null && dayIndex(adopted) >= 1 && dayIndex(adopted) <= throughDay) {
                events++;
            }
        }
        return events;
    }

    /** Units adopted before the window: left out of the panel. */
    public int excludedUnits() {
        return (int) Arrays.stream(adoptionDate)
                .filter(d -> d != null && dayIndex(d) < 1)
                .count();
    }

    private int dayIndex(LocalDate date) {
        return (int) (date.toEpochDay() - design.windowStart().toEpochDay()) + 1;
    }

    /** One line: units, provinces, launches, adoptions before, in and after the window, panel rows at the end. */
    public String summary() {
        int[] modes = new int[3];
        int before = 0;
        int after = 0;
        for (int u = 0; u < units(); u++) {
            if (adoptionDate[u] == null) {
                continue;
            }
            int t = dayIndex(adoptionDate[u]);
            if (t < 1) {
                before++;
            } else if (t > design.days()) {
                after++;
            } else {
                modes[adoptionMode[u]]++;
            }
        }
        long launched = Arrays.stream(launches).filter(l -> l != null).count();
        return String.format(
                Locale.ROOT,
                "%,d units in %d provinces (%d with a provincial platform), %s .. %s, lag %d;"
                        + " adoptions: %d before the window, %,d in it (mode 1: %,d, mode 2: %,d), %d after it; panel at the end:"
                        + " %,d rows, %,d events",
                units(),
                design.groups(),
                launched,
                design.windowStart(),
                design.windowEnd(),
                design.lagDays(),
                before,
                modes[1] + modes[2],
                modes[1],
                modes[2],
                after,
                expectedPanelRows(design.days()),
                expectedEvents(design.days()));
    }

    // StudyData

    @Override
    public List<String> header(String stream) {
        return switch (stream) {
            case "cities" -> CITY_COLUMNS;
            case "daily" -> DAILY_COLUMNS;
            case "national" -> NATIONAL_COLUMNS;
            case "provinces" -> PROVINCE_COLUMNS;
            case "adoptions" -> ADOPTION_COLUMNS;
            default -> throw new IllegalArgumentException("no stream " + stream);
        };
    }

    @Override
    public List<List<String>> rows(String stream) {
        if (stream.equals("cities")) {
            List<List<String>> rows = new ArrayList<>(units());
            for (int u = 0; u < units(); u++) {
                List<String> row = new ArrayList<>(CITY_COLUMNS.size());
                row.add(unitIds[u]);
                row.add(unitNames[u]);
                row.add(provinceIds.get(unitProvince[u]));
                row.addAll(Arrays.asList(statics[u]));
                rows.add(row);
            }
            return rows;
        }
        if (stream.equals("provinces")) {
            List<List<String>> rows = new ArrayList<>();
            for (int g = 0; g < provinceIds.size(); g++) {
                rows.add(List.of(provinceIds.get(g), launches[g] == null ? "" : launches[g].toString()));
            }
            return rows;
        }
        return rowsDated(stream, d -> true);
    }

    /** Daily rows by date, then unit; the other streams in the order of {@link #rows}. */
    @Override
    public List<List<String>> rowsDated(String stream, Predicate<LocalDate> when) {
        List<List<String>> rows = new ArrayList<>();
        switch (stream) {
            case "daily" -> {
                for (int i = 0; i < dataDays; i++) {
                    if (when.test(design.firstDataDay().plusDays(i))) {
                        for (int u = 0; u < units(); u++) {
                            rows.add(dailyRow(u, i));
                        }
                    }
                }
            }
            case "national" -> {
                for (int i = 0; i < dataDays; i++) {
                    LocalDate d = design.firstDataDay().plusDays(i);
                    if (when.test(d)) {
                        rows.add(List.of(dates[i], Integer.toString(centralPolicy(d))));
                    }
                }
            }
            case "provinces" -> {
                for (int g = 0; g < provinceIds.size(); g++) {
                    if (launches[g] != null && when.test(launches[g])) {
                        rows.add(List.of(provinceIds.get(g), launches[g].toString()));
                    }
                }
            }
            case "adoptions" -> {
                for (int u = 0; u < units(); u++) {
                    if (adoptionDate[u] != null && when.test(adoptionDate[u])) {
                        rows.add(List.of(unitIds[u], adoptionDate[u].toString(), Integer.toString(adoptionMode[u])));
                    }
                }
            }
            default -> throw new IllegalArgumentException("stream " + stream + " is not dated");
        }
        return rows;
    }

    private List<String> dailyRow(int u, int i) {
        double m = migration[u][i];
        return List.of(
                unitIds[u],
                dates[i],
                decimal(salience[u][i], 2),
                decimal(travel[u][i], 3),
                Double.isNaN(m) ? "" : decimal(m, 3),
                Long.toString(cases[u][i]),
                Integer.toString(media[u][i]));
    }

    private int centralPolicy(LocalDate d) {
        int day = dayIndex(d);
        int value = 0;
        for (int step : POLICY_STEPS) {
            if (day >= step) {
                value++;
            }
        }
        return value;
    }

    /** Writes cities.csv, daily.csv (by unit, then date), national.csv, provinces.csv and adoptions.csv. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            write(dir.resolve("cities.csv"), CITY_COLUMNS, rows("cities"));
            try (Writer out = Files.newBufferedWriter(dir.resolve("daily.csv"), StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(out, CSV)) {
                printer.printRecord(DAILY_COLUMNS);
                for (int u = 0; u < units(); u++) {
                    for (int i = 0; i < dataDays; i++) {
                        printer.printRecord(dailyRow(u, i));
                    }
                }
            }
            write(dir.resolve("national.csv"), NATIONAL_COLUMNS, rows("national"));
            write(dir.resolve("provinces.csv"), PROVINCE_COLUMNS, rows("provinces"));
            write(dir.resolve("adoptions.csv"), ADOPTION_COLUMNS, rows("adoptions"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the study to " + dir, e);
        }
    }

    private static final CSVFormat CSV =
            CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSV)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
    }

    // Draws and numbers

    private static int[] groupSizes(Random rng, int units, int groups) {
        double[] weights = new double[groups];
        double sum = 0;
        for (int g = 0; g < groups; g++) {
            weights[g] = Math.exp(gauss(rng, 0, 0.35));
            sum += weights[g];
        }
        int[] sizes = new int[groups];
        double[] remainders = new double[groups];
        int given = 0;
        for (int g = 0; g < groups; g++) {
            double share = 1 + (units - groups) * weights[g] / sum; // every province has a unit at least
            sizes[g] = (int) Math.floor(share);
            remainders[g] = share - sizes[g];
            given += sizes[g];
        }
        while (given < units) { // largest remainder first, ties by province order
            int best = 0;
            for (int g = 1; g < groups; g++) {
                if (remainders[g] > remainders[best]) {
                    best = g;
                }
            }
            sizes[best]++;
            remainders[best] = -1;
            given++;
        }
        return sizes;
    }

    private static double gauss(Random rng, double mean, double sd) {
        return mean + sd * rng.nextGaussian();
    }

    private static int categorical(Random rng, double... probabilities) {
        double u = rng.nextDouble();
        double total = 0;
        for (int i = 0; i < probabilities.length; i++) {
            total += probabilities[i];
            if (u < total) {
                return i;
            }
        }
        return probabilities.length - 1;
    }

    /** Knuth's method for small means, a rounded normal draw for large ones. */
    private static long poisson(Random rng, double mean) {
        if (mean > 30) {
            return Math.max(0, Math.round(gauss(rng, mean, Math.sqrt(mean))));
        }
        double limit = Math.exp(-mean);
        double p = 1.0;
        long k = 0;
        while (true) {
            p *= rng.nextDouble();
            if (p <= limit) {
                return k;
            }
            k++;
        }
    }

    private static double clip(double x, double low, double high) {
        return Math.max(low, Math.min(high, x));
    }

    private static double round(double x, int places) {
        double scale = Math.pow(10, places);
        return Math.round(x * scale) / scale;
    }

    /** A number with at most {@code places} decimals, in plain notation (no exponent), trailing zeros dropped. */
    static String decimal(double x, int places) {
        BigDecimal value =
                BigDecimal.valueOf(Math.round(x * Math.pow(10, places)), places).stripTrailingZeros();
        return value.signum() == 0 ? "0" : value.toPlainString();
    }

    /** {@code CountyStudy [DIR [SEED]]}: writes the standard study's five CSV files to DIR and prints its summary. */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "deploy/local/target/county-study");
        Design design = args.length > 1 ? Design.STANDARD.withSeed(Long.parseLong(args[1])) : Design.STANDARD;
        CountyStudy study = generate(design);
        study.write(dir);
        System.out.println(study.summary());
        System.out.println("written to " + dir.toAbsolutePath());
    }
}
