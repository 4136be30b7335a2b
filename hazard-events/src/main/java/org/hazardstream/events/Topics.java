package org.hazardstream.events;

/**
 * The Kafka topics of the system. Every record is keyed; a consumer that replays a state topic (compacted, or kept
 * whole) from the beginning rebuilds the latest state.
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
     * The panel's versions as deltas ({@link PanelDelta}), key = study: every chunk of a study's versions in one
     * partition, in order. Kept whole (cleanup policy delete, no time limit): a reader rebuilds the panel by
     * replaying it from the beginning, and since a day's data appends about one row per unit, the whole topic is
     * about the size of the panel plus its corrections.
     */
    public static final String PANEL_DELTAS = "panel-deltas";

    /** The latest fit of each model spec, key = spec name; compacted. */
    public static final String FIT_RESULTS = "fit-results";

    private Topics() {}
}
