package org.hazardstream.study;

import java.time.LocalDate;

import org.hazardstream.core.data.BadInputException;
import org.hazardstream.core.data.IsoDate;
import org.hazardstream.core.data.PlainDecimal;

/**
 * A study's time axis (study-contract.md, "Time"). A time is held as an ordinal: the epoch day on a day axis, the
 * year on a year axis, so that period t is ordinal {@code start + t - 1} and its reference time is that minus the lag.
 */
public record TimeAxis(TimeUnit unit, long start, long end, int lag) {

    public static TimeAxis of(StudyDefinition.Time time) {
        TimeAxis axis = new TimeAxis(time.unit(), 0, 0, time.lag());
        return new TimeAxis(
                time.unit(),
                axis.required(time.startText(), "start"),
                axis.required(time.endText(), "end"),
                time.lag());
    }

    /** The number of periods T from start to end. */
    public int periods() {
        return (int) Math.max(0, end - start + 1);
    }

    /** The ordinal of a time written as a stream field writes it, or null when the text is not a time. */
    public Long ordinal(String text) {
        if (unit == TimeUnit.DAY) {
            LocalDate date = IsoDate.parse(text);
            return date == null ? null : date.toEpochDay();
        }
        Double year = PlainDecimal.parse(text);
        return year == null || year != Math.rint(year) || Math.abs(year) > 1e6 ? null : year.longValue();
    }

    /** The period index t of an ordinal (may be outside 1..T). */
    public long period(long ordinal) {
        return ordinal - start + 1;
    }

    /** The ordinal of period t. */
    public long ordinalOf(int period) {
        return start + period - 1;
    }

    /** The reference time r of period t: time(t) - lag. */
    public long reference(int period) {
        return ordinalOf(period) - lag;
    }

    /** The time of period t as the panel writes it: an ISO date or a year. */
    public String text(int period) {
        return textOf(ordinalOf(period));
    }

    /** A time ordinal as the panel writes it. */
    public String textOf(long ordinal) {
        return unit == TimeUnit.DAY ? LocalDate.ofEpochDay(ordinal).toString() : Long.toString(ordinal);
    }

    /** The first period whose reference time is at or after {@code ordinal}: t(ordinal) + lag. */
    public long firstPeriodReading(long ordinal) {
        return period(ordinal) + lag;
    }

    private long required(String text, String part) {
        Long ordinal = text == null ? null : ordinal(text);
        if (ordinal == null) {
            throw new BadInputException(part + " '" + text + "' is not a "
                    + (unit == TimeUnit.DAY ? "date (YYYY-MM-DD)" : "year") + " on a " + unit.id() + " axis");
        }
        return ordinal;
    }
}
