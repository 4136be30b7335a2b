package org.hazardstream.core.cox;

/**
 * Rank-revealing LDL' decomposition of a symmetric positive semi-definite matrix, with the pivot rule of R survival's
 * cholesky2: a pivot below {@code toler} times the largest diagonal element is set to zero and its row and column
 * take no further part. Solving then gives 0 for that coordinate and the inverse has a zero row and column there,
 * which is how a collinear covariate ends up with variance 0 and estimate "not estimable".
 * (Commons Math's Cholesky throws on singular input, hence this small decomposition written from the math.)
 */
final class SymmetricLdl {

    private final int n;
    /** Row-major n x n: strictly lower triangle holds L, the diagonal holds D (0 for a dropped pivot). */
    private final double[] f;

    private final int rank;
    private final boolean nonNegative;

    /** Decomposes the full symmetric matrix {@code m} (row-major n x n, only the lower triangle is read). */
    SymmetricLdl(double[] m, int n, double toler) {
        this.n = n;
        this.f = m.clone();
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, f[i * n + i]);
        }
        double eps = largest == 0 ? toler : largest * toler;
        int r = 0;
        boolean nonneg = true;
        for (int i = 0; i < n; i++) {
            double pivot = f[i * n + i];
            if (!Double.isFinite(pivot) || pivot < eps) {
                f[i * n + i] = 0;
                if (pivot < -8 * eps) {
                    nonneg = false;
                }
                // the remaining column is round-off of a (near) linear dependence: keep it out of the solves
                for (int j = i + 1; j < n; j++) {
                    f[j * n + i] = 0;
                }
                continue;
            }
            r++;
            for (int j = i + 1; j < n; j++) {
                double t = f[j * n + i] / pivot;
                f[j * n + i] = t;
                f[j * n + j] -= t * t * pivot;
                for (int k = j + 1; k < n; k++) {
                    f[k * n + j] -= t * f[k * n + i];
                }
            }
        }
        this.rank = r;
        this.nonNegative = nonneg;
    }

    int rank() {
        return rank;
    }

    /** R's cholesky2 return value: the rank, negated when the matrix was clearly not non-negative definite. */
    int signedRank() {
        return nonNegative ? rank : -rank;
    }

    boolean isDropped(int i) {
        return f[i * n + i] == 0;
    }

    /** log det over the kept pivots (the log of the pseudo-determinant). */
    double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = f[i * n + i];
            if (d > 0) {
                s += Math.log(d);
            }
        }
        return s;
    }

    /** Solves A y = b on the kept coordinates; dropped coordinates get 0. */
    double[] solve(double[] b) {
        double[] y = b.clone();
        for (int i = 0; i < n; i++) {
            double t = y[i];
            for (int j = 0; j < i; j++) {
                t -= y[j] * f[i * n + j];
            }
            y[i] = t;
        }
        for (int i = n - 1; i >= 0; i--) {
            double d = f[i * n + i];
            if (d == 0) {
                y[i] = 0;
            } else {
                double t = y[i] / d;
                for (int j = i + 1; j < n; j++) {
                    t -= y[j] * f[j * n + i];
                }
                y[i] = t;
            }
        }
        return y;
    }

    /** The generalised inverse: the inverse on the kept coordinates, zero rows and columns for dropped ones. */
    double[] inverse() {
        double[] inv = new double[n * n];
        double[] e = new double[n];
        for (int c = 0; c < n; c++) {
            if (isDropped(c)) {
                continue;
            }
            java.util.Arrays.fill(e, 0);
            e[c] = 1;
            double[] col = solve(e);
            for (int r = 0; r < n; r++) {
                inv[r * n + c] = isDropped(r) ? 0 : col[r];
            }
        }
        // symmetrise the round-off
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (inv[i * n + j] + inv[j * n + i]);
                inv[i * n + j] = v;
                inv[j * n + i] = v;
            }
        }
        return inv;
    }
}
