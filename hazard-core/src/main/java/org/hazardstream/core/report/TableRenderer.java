package org.hazardstream.core.report;

/** Renders the regression table of one model, and the side-by-side table of several, in one format. */
public interface TableRenderer {

    String render(RegressionTable table);

    String render(ComparisonTable table);

    /** The HTTP media type of the output. */
    String mediaType();
}
