package org.hazardstream.core.glm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.fit.FitOptions;

/**
 * The complete-case rows of a long-format table for one fit: interval, event code, covariates, and the
 * subject id and cluster when the model needs them. Rows with a missing value in a used column are left out
 * and counted; a stop not after its start is bad input naming the row.
 *
 * @param start        interval starts of the rows used
 * @param stop         interval stops
 * @param eventCode    event codes (0 = censored)
 * @param covariates   covariates[term][row]
 * @param subject      subject index per row (0..), or null when not asked for
 * @param cluster      cluster index per row (0..), or null for none
 * @param clusterCount number of distinct clusters
 * @param excludedRows rows left out for a missing value
 * @param sourceRow    1-based input row number of each row used
 */
public record ModelFrame(
        List<String> covariateNames,
        double[] start,
        double[] stop,
        int[] eventCode,
        double[][] covariates,
        int[] subject,
        int[] cluster,
        int clusterCount,
        int excludedRows,
        int[] sourceRow) {

    public int rows() {
        return stop.length;
    }

    /** Whether row i has the counted event: code == K, or any code &gt; 0 when K is null. */
    public boolean counted(int i, Integer eventCode) {
        return eventCode == null ? this.eventCode[i] > 0 : this.eventCode[i] == eventCode;
    }

    public int countEvents(Integer code) {
        int events = 0;
        for (int i = 0; i < rows(); i++) {
            if (counted(i, code)) {
                events++;
            }
        }
        return events;
    }

    /** The clustering column of the options, or null when none ("none" counts as none). */
    public static String clusterColumn(FitOptions options) {
        String c = options.clusterColumn();
        return c == null || c.isBlank() || c.equals("none") ? null : c;
    }

    /** Reads the used columns of {@code table}; {@code withSubject} also reads the --id column. */
    public static ModelFrame read(DataTable table, FitOptions options, boolean withSubject) {
        List<String> names = options.covariates();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new BadInputException("option --covariates: '" + name + "' is listed twice");
            }
        }
        String clusterColumn = clusterColumn(options);
        double[] start = table.numeric(options.startColumn());
        double[] stop = table.numeric(options.stopColumn());
        double[] event = table.numeric(options.eventColumn());
        double[][] x = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            x[j] = table.numeric(names.get(j));
        }
        String[] subjectText = withSubject ? table.text(options.idColumn()) : null;
        String[] clusterText = clusterColumn == null ? null : table.text(clusterColumn);

        int n = table.rowCount();
        List<Integer> used = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            boolean complete = !Double.isNaN(start[r])
                    && !Double.isNaN(stop[r])
                    && !Double.isNaN(event[r])
                    && (subjectText == null || subjectText[r] != null)
                    && (clusterText == null || clusterText[r] != null);
            for (int j = 0; complete && j < x.length; j++) {
                complete = !Double.isNaN(x[j][r]);
            }
            if (!complete) {
                continue;
            }
            if (!(stop[r] > start[r])) {
                throw new BadInputException(table.source() + ": row " + (r + 1) + ": stop (" + stop[r]
                        + ") is not after start (" + start[r] + ")");
            }
            if (event[r] != Math.rint(event[r]) || event[r] < 0) {
                throw new BadInputException(table.source() + ": row " + (r + 1) + ", column '" + options.eventColumn()
                        + "': event code " + event[r] + " is not a whole number >= 0");
            }
            used.add(r);
        }
        int m = used.size();
        double[] s = new double[m];
        double[] e = new double[m];
        int[] code = new int[m];
        int[] source = new int[m];
        double[][] cov = new double[x.length][m];
        for (int k = 0; k < m; k++) {
            int r = used.get(k);
            s[k] = start[r];
            e[k] = stop[r];
            code[k] = (int) event[r];
            source[k] = r + 1;
            for (int j = 0; j < x.length; j++) {
                cov[j][k] = x[j][r];
            }
        }
        int[] subject = subjectText == null ? null : index(subjectText, used);
        int[] cluster = clusterText == null ? null : index(clusterText, used);
        int clusterCount = 0;
        if (cluster != null) {
            for (int c : cluster) {
                clusterCount = Math.max(clusterCount, c + 1);
            }
        }
        return new ModelFrame(names, s, e, code, cov, subject, cluster, clusterCount, n - m, source);
    }

    private static int[] index(String[] text, List<Integer> used) {
        Map<String, Integer> ids = new HashMap<>();
        int[] out = new int[used.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = ids.computeIfAbsent(text[used.get(k)], key -> ids.size());
        }
        return out;
    }
}
