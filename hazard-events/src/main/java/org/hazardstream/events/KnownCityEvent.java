package org.hazardstream.events;

/**
 * A city the ingest service accepted, published to {@link Topics#KNOWN_CITIES} (key = {@code cityId}) once its
 * cities record is on {@link Topics#RAW_RECORDS}. Every ingest replica reads this small compacted topic to know which
 * cities daily and adoption posts may name, instead of replaying its own raw output.
 *
 * <p>Compatibility: adding a field keeps the schema version (readers ignore fields they do not know); only a change
 * an older reader would misread (a field renamed, removed or given another meaning) raises it, and a reader skips a
 * version newer than {@link #SCHEMA_VERSION} (deploy readers first).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this code
 * @param eventId       unique id of this event
 * @param cityId        the city, as in the cities stream's {@code city_id} (also the record's key)
 * @param provinceId    the city's province, as posted
 */
public record KnownCityEvent(int schemaVersion, String eventId, String cityId, String provinceId) {

    /** The version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    public KnownCityEvent {
        if (cityId == null || cityId.isBlank()) {
            throw new IllegalArgumentException("a known city needs a cityId");
        }
    }

    public static KnownCityEvent of(String eventId, String cityId, String provinceId) {
        return new KnownCityEvent(SCHEMA_VERSION, eventId, cityId, provinceId);
    }

    /** The Kafka key: the city id, so compaction keeps one record per city. */
    public String topicKey() {
        return cityId;
    }
}
