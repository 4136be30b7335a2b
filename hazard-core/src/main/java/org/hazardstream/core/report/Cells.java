package org.hazardstream.core.report;

/** The cell texts of a side-by-side table, shared by the renderers. */
final class Cells {

    static final String NOTE = "Standard errors in parentheses (robust where estimated). "
            + "*** p<=0.001, ** p<=0.01, * p<=0.05, . p<=0.1";

    private Cells() {}

    /** "0.410***"; "" when the spec has no such term; "NA" when it could not be estimated. */
    static String estimate(ComparisonTable.Cell cell) {
        if (cell == null) {
            return "";
        }
        return Numbers.fixed(cell.estimate(), 3) + (cell.estimate() == null ? "" : cell.stars());
    }

    /** "(0.120)"; "" when there is none. */
    static String stdError(ComparisonTable.Cell cell) {
        if (cell == null || cell.estimate() == null || cell.stdError() == null) {
            return "";
        }
        return "(" + Numbers.fixed(cell.stdError(), 3) + ")";
    }

    static String statistic(ComparisonTable.FooterRow row, int i) {
        Double v = row.values().get(i);
        if (v == null) {
            return "";
        }
        return row.integral() ? Long.toString(Math.round(v)) : Numbers.fixed(v, 3);
    }
}
