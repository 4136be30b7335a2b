package org.hazardstream.core.glm;

import java.util.List;

/**
 * Input of the IRLS engine: a model matrix by column, the response, prior (case) weights and an offset.
 *
 * @param terms   column names, in coefficient order
 * @param columns model matrix by column: columns[term][row]
 * @param y       response (event indicator or count)
 * @param weights prior weights, or null for all 1
 * @param offset  offset on the linear predictor, or null for none
 */
public record GlmData(List<String> terms, double[][] columns, double[] y, double[] weights, double[] offset) {

    public GlmData {
        terms = List.copyOf(terms);
        if (columns.length != terms.size()) {
            throw new IllegalArgumentException(columns.length + " columns for " + terms.size() + " terms");
        }
        for (double[] column : columns) {
            if (column.length != y.length) {
                throw new IllegalArgumentException("a column has " + column.length + " rows, y has " + y.length);
            }
        }
    }

    public int rows() {
        return y.length;
    }

    double weight(int i) {
        return weights == null ? 1 : weights[i];
    }

    double offset(int i) {
        return offset == null ? 0 : offset[i];
    }
}
