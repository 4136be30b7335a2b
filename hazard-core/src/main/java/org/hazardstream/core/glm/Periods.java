package org.hazardstream.core.glm;

import java.util.List;

import org.hazardstream.core.data.BadInputException;

/** The --breaks of pce and logit: finite, strictly increasing period boundaries on the time axis. */
final class Periods {

    private Periods() {}

    static double[] validate(List<Double> breaks) {
        double[] out = new double[breaks.size()];
        for (int k = 0; k < out.length; k++) {
            Double b = breaks.get(k);
            if (b == null || !Double.isFinite(b)) {
                throw new BadInputException("option --breaks: '" + b + "' is not a finite number");
            }
            if (k > 0 && !(b > out[k - 1])) {
                throw new BadInputException(
                        "option --breaks: values must be strictly increasing (" + out[k - 1] + " then " + b + ")");
            }
            out[k] = b;
        }
        return out;
    }

    /** 0-based period of a survSplit piece starting at {@code start}: the number of breaks &lt;= start. */
    static int periodOfPieceStart(double[] breaks, double start) {
        int k = 0;
        while (k < breaks.length && breaks[k] <= start) {
            k++;
        }
        return k;
    }

    /** 0-based logit period of a row ending at {@code stop}: breaks[k-1] &lt; stop &lt;= breaks[k]. */
    static int periodOfStop(double[] breaks, double stop) {
        int k = 0;
        while (k < breaks.length && breaks[k] < stop) {
            k++;
        }
        return k;
    }
}
