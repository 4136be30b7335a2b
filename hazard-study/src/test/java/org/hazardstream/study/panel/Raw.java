package org.hazardstream.study.panel;

import java.util.LinkedHashMap;
import java.util.Map;

/** Terse builders of raw records for tests: every column present, the named ones set, the rest empty. */
final class Raw {

    private Raw() {}

    static RawRecord record(RawStream stream, String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String column : stream.columns()) {
            fields.put(column, "");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!fields.containsKey(namesAndValues[i])) {
                throw new IllegalArgumentException("no column " + namesAndValues[i] + " in " + stream);
            }
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new RawRecord(stream, fields);
    }

    static RawRecord city(String id, String province, String... more) {
        String[] all = new String[more.length + 4];
        all[0] = "city_id";
        all[1] = id;
        all[2] = "province_id";
        all[3] = province;
        System.arraycopy(more, 0, all, 4, more.length);
        return record(RawStream.CITIES, all);
    }

    static RawRecord daily(String city, String date, String... more) {
        String[] all = new String[more.length + 4];
        all[0] = "city_id";
        all[1] = city;
        all[2] = "date";
        all[3] = date;
        System.arraycopy(more, 0, all, 4, more.length);
        return record(RawStream.DAILY, all);
    }

    /**
     * A daily record of a city the panel does not know, dated {@code date}: it moves the data-through date (the
     * latest date of the daily stream) and nothing else, so a test of another rule observes its whole window.
     */
    static RawRecord clock(String date) {
        return daily("~clock", date);
    }

    static RawRecord national(String date, String centralPolicy) {
        return record(RawStream.NATIONAL, "date", date, "central_policy", centralPolicy);
    }

    static RawRecord province(String id, String launch) {
        return record(RawStream.PROVINCES, "province_id", id, "platform_launch_date", launch);
    }

    static RawRecord adoption(String city, String date, String mode) {
        return record(RawStream.ADOPTIONS, "city_id", city, "date", date, "mode", mode);
    }

    static RawData data(RawRecord... records) {
        RawData data = new RawData();
        for (RawRecord r : records) {
            data.apply(r);
        }
        return data;
    }
}
