package org.hazardstream.report.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;

/** Settings of report-service ({@code report.*}). */
@ConfigMapping(prefix = "report")
public interface ReportSettings {

    /**
     * Column order of the side-by-side regression table and of the dashboard: these specs first, in this order;
     * specs not listed follow, by name.
     */
    List<String> specOrder();
}
