package org.hazardstream.events;

/**
 * The Kafka topics of the system. Every record is keyed; the state topics are compacted, so a consumer that
 * replays one from the beginning rebuilds the latest state.
 */
public final class Topics {

    /** Raw input records, key {@code <stream>|<natural key>}; compacted: the newest record of a key wins. */
    public static final String RAW_RECORDS = "raw-records";

    /**
     * The cities ingest has accepted, key = city id, value {@link KnownCityEvent}; compacted, one partition. Written
     * by ingest after the cities' raw records were acknowledged, read from the beginning and tailed by every ingest
     * replica: it is how ingest knows the cities without reading {@link #RAW_RECORDS} back.
     */
    public static final String KNOWN_CITIES = "known-cities";

    /** Raw records the panel service could not apply, with the reason; deleted after retention. */
    public static final String RAW_RECORDS_DLQ = "raw-records-dlq";

    /**
     * The city-day panel, one partition: key {@code row|<city_id>|<day>} for rows (null value when a row leaves the
     * risk set) and {@link PanelEvent#VERSION_KEY} for the marker that closes a panel version. Every row change of
     * version v precedes the marker of v, so a reader that has reached a marker holds a consistent panel.
     */
    public static final String PANEL = "panel";

    /** The latest fit of each model spec, key = spec name; compacted. */
    public static final String FIT_RESULTS = "fit-results";

    private Topics() {
    }
}
