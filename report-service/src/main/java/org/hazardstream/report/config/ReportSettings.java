package org.hazardstream.report.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of report-service ({@code report.*}). */
@ConfigMapping(prefix = "report")
public interface ReportSettings {

    /**
     * The known study definitions (files or resources of the jar). The live study's spec order is the column order
     * of the side-by-side regression table and of the dashboard; specs it does not name follow, by name.
     */
    @WithDefault("studies/health-code/study.json,studies/stay-at-home/study.json,studies/state-lotteries/study.json")
    List<String> studies();

    /** The listener that brings every replica's stored results to this replica's dashboards. */
    UpdatesListener updatesListener();

    /** {@code report.updates-listener.*} */
    interface UpdatesListener {

        /**
         * The longest wait for a notification; after a wait with none the connection is checked with a statement,
         * so that a connection that died without a word (a vanished host) is noticed within about this time.
         */
        @WithDefault("10s")
        Duration pollTimeout();

        /** The wait before the first reconnection attempt; doubled after each failed attempt, up to maxBackoff. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }
}
