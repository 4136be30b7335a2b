package org.hazardstream.panel.config;

import java.time.Duration;
import java.time.LocalDate;

import org.hazardstream.study.panel.PanelSettings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the panel service (prefix {@code panel}); the window and lag default to the study's. */
@ConfigMapping(prefix = "panel")
public interface PanelConfig {

    Window window();

    /** Covariates of day t are read at date(t) - lagDays (PANEL_LAG_DAYS). */
    @WithDefault("3")
    int lagDays();

    /** The study this panel belongs to: the key of its deltas on the panel-deltas topic (PANEL_STUDY). */
    @WithDefault("health-code")
    String study();

    /**
     * Observe the data only through this date (PANEL_THROUGH): the contract's explicit through date H. Unset: the
     * window's end.
     */
    java.util.Optional<LocalDate> through();

    Outbox outbox();

    Delta delta();

    interface Delta {
        /**
         * Upper bound on the row JSON in one delta message; a larger version travels in chunks. Well under the
         * broker's 1 MB message limit.
         */
        @WithDefault("262144")
        int maxMessageBytes();
    }

    interface Window {
        /** First day of the window (PANEL_WINDOW_START). */
        @WithDefault("2020-02-01")
        LocalDate start();

        /** Last day of the window, inclusive (PANEL_WINDOW_END). */
        @WithDefault("2020-03-31")
        LocalDate end();
    }

    interface Outbox {
        /** Outbox messages sent per round trip to Kafka (each a delta chunk of up to delta.max-message-bytes). */
        @WithDefault("64")
        int chunkSize();

        /** How often the relay also looks for unsent messages (after a crash or a Kafka outage), e.g. "2s". */
        @WithDefault("2s")
        String relayInterval();

        /** How long the relay waits for Kafka to acknowledge a chunk. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    default PanelSettings settings() {
        return new PanelSettings(
                window().start(), window().end(), lagDays(), through().orElse(null));
    }
}
