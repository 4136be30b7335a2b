package org.hazardstream.core.glm;

/**
 * Least squares by Householder QR with R's limited column pivoting (LINPACK dqrdc2, as used by lm and glm):
 * columns are taken in their given order, and a column whose remaining norm falls below {@code tolerance} times
 * its original norm is declared aliased (collinear with the columns before it) and left out, exactly as R
 * reports an NA coefficient for the later of two collinear columns.
 *
 * <p>Input is column-major: {@code x[j][i]} is row i of column j, already multiplied by the square-root weights.
 */
final class WeightedLeastSquares {

    /**
     * @param coefficients per column, 0 for aliased ones
     * @param aliased      which columns were left out
     * @param rank         number of columns kept
     * @param unscaledCovariance (R'R)^-1 over all columns, NaN rows and columns for aliased ones
     */
    record Solution(double[] coefficients, boolean[] aliased, int rank, double[][] unscaledCovariance) {}

    private WeightedLeastSquares() {}

    static Solution solve(double[][] x, double[] z, double tolerance) {
        double[][] a = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            a[j] = x[j].clone();
        }
        return solveInPlace(a, z.clone(), z.length, tolerance);
    }

    /**
     * As {@link #solve}, overwriting {@code a} and {@code qtz} (scratch space the caller reuses across IRLS steps);
     * only the first {@code n} rows are used.
     */
    static Solution solveInPlace(double[][] a, double[] qtz, int n, double tolerance) {
        int p = a.length;
        double[] originalNorm = new double[p];
        for (int j = 0; j < p; j++) {
            originalNorm[j] = norm(a[j], 0, n);
        }
        boolean[] aliased = new boolean[p];
        int[] kept = new int[p];
        int rank = 0;
        for (int j = 0; j < p; j++) {
            int row = rank; // the next Householder acts on rows rank..n-1
            double remaining = row < n ? norm(a[j], row, n) : 0;
            if (originalNorm[j] == 0 || remaining < tolerance * originalNorm[j] || row >= n) {
                aliased[j] = true;
                continue;
            }
            // Householder vector v with v[row] = a[row] + sign * norm, reflecting column j onto e_row
            double[] col = a[j];
            double alpha = col[row] >= 0 ? -remaining : remaining;
            double v0 = col[row] - alpha;
            col[row] = v0;
            double vnorm2 = v0 * v0;
            for (int i = row + 1; i < n; i++) {
                vnorm2 += col[i] * col[i];
            }
            // apply H = I - 2 v v' / (v'v) to later columns and to z
            for (int k = j + 1; k < p; k++) {
                reflect(col, a[k], row, n, vnorm2);
            }
            reflect(col, qtz, row, n, vnorm2);
            // keep R's diagonal; v stays below it (not needed afterwards)
            col[row] = alpha;
            kept[rank++] = j;
        }
        // R (rank x rank, upper triangular): r[i][c] = a[kept[c]][i]
        double[][] r = new double[rank][rank];
        for (int c = 0; c < rank; c++) {
            for (int i = 0; i <= c; i++) {
                r[i][c] = a[kept[c]][i];
            }
        }
        double[] b = new double[rank];
        for (int i = rank - 1; i >= 0; i--) {
            double s = qtz[i];
            for (int c = i + 1; c < rank; c++) {
                s -= r[i][c] * b[c];
            }
            b[i] = s / r[i][i];
        }
        double[][] rInverse = invertUpper(r);
        double[] coefficients = new double[p];
        double[][] covariance = new double[p][p];
        for (double[] rowValues : covariance) {
            java.util.Arrays.fill(rowValues, Double.NaN);
        }
        for (int c = 0; c < rank; c++) {
            coefficients[kept[c]] = b[c];
            for (int d = 0; d < rank; d++) {
                double s = 0;
                for (int k = Math.max(c, d); k < rank; k++) {
                    s += rInverse[c][k] * rInverse[d][k];
                }
                covariance[kept[c]][kept[d]] = s;
            }
        }
        return new Solution(coefficients, aliased, rank, covariance);
    }

    private static void reflect(double[] v, double[] target, int from, int n, double vnorm2) {
        double dot = 0;
        for (int i = from; i < n; i++) {
            dot += v[i] * target[i];
        }
        double f = 2 * dot / vnorm2;
        for (int i = from; i < n; i++) {
            target[i] -= f * v[i];
        }
    }

    private static double norm(double[] v, int from, int n) {
        double scale = 0;
        for (int i = from; i < n; i++) {
            scale = Math.max(scale, Math.abs(v[i]));
        }
        if (scale == 0) {
            return 0;
        }
        double s = 0;
        for (int i = from; i < n; i++) {
            double t = v[i] / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    private static double[][] invertUpper(double[][] r) {
        int k = r.length;
        double[][] inv = new double[k][k];
        for (int c = 0; c < k; c++) {
            inv[c][c] = 1 / r[c][c];
            for (int i = c - 1; i >= 0; i--) {
                double s = 0;
                for (int m = i + 1; m <= c; m++) {
                    s += r[i][m] * inv[m][c];
                }
                inv[i][c] = -s / r[i][i];
            }
        }
        return inv;
    }
}
