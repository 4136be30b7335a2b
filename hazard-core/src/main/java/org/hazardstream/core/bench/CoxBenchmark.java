package org.hazardstream.core.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.hazardstream.core.cox.CoxRegression;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;
import org.hazardstream.core.fit.FitResult;
import org.hazardstream.core.fit.Model;
import org.hazardstream.core.fit.Ties;

/**
 * Cox fit benchmark (a main that prints figures, not a timed test). For each size it generates counting-process data
 * (daily (day-1, day] rows of subjects followed up to 60 days, 16 covariates, Efron ties) into target/bench, times
 * reading the CSV plus the fit (everything the fit contract reports: estimates, SE, tests, concordance, cox.zph), and
 * prints the peak heap. Where Rscript is on the PATH it times R's read.csv + coxph on the same file.
 *
 * <pre>
 * mvn -B -q -pl hazard-core compile exec:java -Dexec.mainClass=org.hazardstream.core.bench.CoxBenchmark \
 *     -Dbench.dir=hazard-core/target/bench [-Dexec.args="3626 100000 1000000"]
 * java -Xmx8g -cp hazard-core/target/hazard-cli.jar org.hazardstream.core.bench.CoxBenchmark 3626 100000 1000000
 * </pre>
 * Data files are written once to {@code bench.dir} (default target/bench of the working directory) and reused.
 * The 1,000,000-row run needs about 2.3 GB of heap (the table keeps its text) and R about 3 GB.
 */
public final class CoxBenchmark {

    private static final int COVARIATES = 16;
    private static final int DAYS = 60;

    private CoxBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a.replace("_", "")));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(3_626, 100_000, 1_000_000);
        }
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
        Files.createDirectories(dir);
        boolean haveR = onPath("Rscript");
        List<String> covariates = new ArrayList<>();
        for (int j = 1; j <= COVARIATES; j++) {
            covariates.add("x" + j);
        }
        FitOptions options = new FitOptions(
                Model.COX, covariates, null, null, null, null, null, Ties.EFRON, false, null, null, null, null, null);

        // JIT warm-up on the small size, not reported
        Path warm = generate(dir, 3_626);
        CoxRegression.fit(DataTable.read(warm), options);

        System.out.println("seconds; read = CSV to table, fit = table to the full result (estimates, SE, tests,"
                + " concordance, cox.zph); cpu = CPU seconds of the whole process (Java: all threads, GC and JIT"
                + " included; R: user + system), the fairer figure on a shared machine; fit R/J = R's coxph"
                + " elapsed over Java's fit elapsed");
        System.out.printf(
                Locale.ROOT,
                "%10s %7s | %7s %7s %7s %7s %7s | %7s %7s %7s %7s | %8s %8s %8s%n",
                "rows",
                "events",
                "read",
                "fit",
                "wall",
                "cpu",
                "peakMB",
                "R read",
                "R fit",
                "R wall",
                "R cpu",
                "wall R/J",
                "cpu R/J",
                "fit R/J");
        for (int rows : sizes) {
            Path file = generate(dir, rows);
            System.gc();
            resetPeaks();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            DataTable table = DataTable.read(file);
            long t1 = System.nanoTime();
            FitResult fit = CoxRegression.fit(table, options);
            long t2 = System.nanoTime();
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            double read = (t1 - t0) / 1e9;
            double fitS = (t2 - t1) / 1e9;
            double total = read + fitS;
            double peakMb = peakHeapBytes() / 1048576.0;
            String[] r = {"-", "-", "-", "-", "-", "-", "-"};
            if (haveR) {
                double[] t = timeR(file, covariates);
                if (t != null) {
                    // t: read elapsed, read cpu, coxph elapsed, coxph cpu
                    r[0] = String.format(Locale.ROOT, "%.2f", t[0]);
                    r[1] = String.format(Locale.ROOT, "%.2f", t[2]);
                    r[2] = String.format(Locale.ROOT, "%.2f", t[0] + t[2]);
                    r[3] = String.format(Locale.ROOT, "%.2f", t[1] + t[3]);
                    r[4] = String.format(Locale.ROOT, "%.1fx", (t[0] + t[2]) / total);
                    r[5] = String.format(Locale.ROOT, "%.1fx", (t[1] + t[3]) / cpu);
                    r[6] = String.format(Locale.ROOT, "%.1fx", t[2] / fitS);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%10d %7d | %7.2f %7.2f %7.2f %7.2f %7.0f | %7s %7s %7s %7s | %8s %8s %8s%n",
                    fit.n(),
                    fit.events(),
                    read,
                    fitS,
                    total,
                    cpu,
                    peakMb,
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    r[6]);
            if (!fit.converged()) {
                System.out.println("  warning: the fit did not converge");
            }
        }
    }

    /** Writes (once) a data set of {@code rows} rows and returns its path. */
    static Path generate(Path dir, int rows) throws IOException {
        Path file = dir.resolve("cox-" + rows + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        SplittableRandom random = new SplittableRandom(20200123L + rows);
        double[] beta = new double[COVARIATES];
        for (int j = 0; j < COVARIATES; j++) {
            beta[j] = (j % 3 == 0 ? 0.3 : -0.15) * (1 + j % 4) / 2.0;
        }
        Path tmp = dir.resolve("cox-" + rows + ".csv.tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            out.write("id,start,stop,event");
            for (int j = 1; j <= COVARIATES; j++) {
                out.write(",x" + j);
            }
            out.write('\n');
            StringBuilder line = new StringBuilder(256);
            double[] x = new double[COVARIATES];
            int written = 0;
            int id = 0;
            while (written < rows) {
                id++;
                // 8 covariates fixed per subject (4 normal, 4 binary), 8 varying by day
                for (int j = 0; j < 8; j++) {
                    x[j] = j < 4 ? round4(random.nextGaussian()) : (random.nextDouble() < 0.35 ? 1 : 0);
                }
                for (int day = 1; day <= DAYS && written < rows; day++) {
                    for (int j = 8; j < COVARIATES; j++) {
                        x[j] = j < 12 ? round4(random.nextGaussian()) : round4(day / 30.0 + random.nextGaussian() / 2);
                    }
                    double lp = 0;
                    for (int j = 0; j < COVARIATES; j++) {
                        lp += beta[j] * x[j];
                    }
                    boolean event = random.nextDouble() < 1 - Math.exp(-Math.exp(-3.9 + lp));
                    line.setLength(0);
                    line.append(id)
                            .append(',')
                            .append(day - 1)
                            .append(',')
                            .append(day)
                            .append(',')
                            .append(event ? 1 : 0);
                    for (int j = 0; j < COVARIATES; j++) {
                        line.append(',');
                        appendFixed4(line, x[j]);
                    }
                    line.append('\n');
                    out.append(line);
                    written++;
                    if (event) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Files.move(tmp, file);
        return file;
    }

    private static double round4(double v) {
        return Math.rint(v * 1e4) / 1e4;
    }

    /** Appends v with 4 decimals, without the cost of String.format on millions of values. */
    private static void appendFixed4(StringBuilder sb, double v) {
        long scaled = Math.round(v * 1e4);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / 10_000);
        long frac = scaled % 10_000;
        if (frac != 0) {
            sb.append('.');
            String f = Long.toString(frac + 10_000).substring(1);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            sb.append(f, 0, end);
        }
    }

    /** R's read.csv and coxph on the same file: {read elapsed, read cpu, coxph elapsed, coxph cpu}, or null. */
    private static double[] timeR(Path file, List<String> covariates) throws IOException, InterruptedException {
        String script = "suppressMessages(library(survival)); "
                + "t1 <- system.time(d <- read.csv('" + file.toAbsolutePath() + "')); "
                + "t2 <- system.time(f <- coxph(Surv(start, stop, event) ~ " + String.join(" + ", covariates)
                + ", data = d)); "
                + "cat('RTIME', t1[['elapsed']], t1[['user.self']] + t1[['sys.self']], "
                + "t2[['elapsed']], t2[['user.self']] + t2[['sys.self']], '\\n')";
        Process p = new ProcessBuilder("Rscript", "-e", script)
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            System.out.println("  R failed: " + output.strip());
            return null;
        }
        for (String l : output.split("\n")) {
            if (l.startsWith("RTIME")) {
                String[] f = l.substring(5).trim().split("\\s+");
                double[] t = new double[4];
                for (int i = 0; i < 4; i++) {
                    t[i] = Double.parseDouble(f[i]);
                }
                return t;
            }
        }
        return null;
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
