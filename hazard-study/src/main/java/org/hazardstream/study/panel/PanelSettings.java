package org.hazardstream.study.panel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.hazardstream.core.data.BadInputException;

/**
 * The window [start, end] (inclusive), the covariate lag and the optional explicit through date of
 * panel-contract.md. Day t of the window is start + (t - 1); its covariates are read at the reference date
 * date(t) - lagDays.
 *
 * @param through the explicit through date H ({@code --through}), or null for none (the window's end)
 */
public record PanelSettings(LocalDate start, LocalDate end, int lagDays, LocalDate through) {

    public PanelSettings(LocalDate start, LocalDate end, int lagDays) {
        this(start, end, lagDays, null);
    }

    public PanelSettings {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new BadInputException("panel window: end " + end + " is before start " + start);
        }
        if (lagDays < 0) {
            throw new BadInputException("panel lag: " + lagDays + " days; the lag must be >= 0");
        }
    }

    /** The same window and lag, observed through {@code date} (null: no explicit through date). */
    public PanelSettings withThrough(LocalDate date) {
        return new PanelSettings(start, end, lagDays, date);
    }

    /**
     * The data-through date D = min(E, C, H) of the contract's "Observation" rule: C is the latest date of any daily
     * record, H the explicit through date. Null while there is no daily record (no panel yet).
     */
    public LocalDate dataThrough(LocalDate latestDaily) {
        if (latestDaily == null) {
            return null;
        }
        LocalDate d = latestDaily.isAfter(end) ? end : latestDaily;
        return through != null && through.isBefore(d) ? through : d;
    }

    /** t(D), the last observed day index, between 0 (nothing observed in the window yet) and T. */
    public int observedDays(LocalDate dataThrough) {
        if (dataThrough == null) {
            return 0;
        }
        return (int) Math.max(0, Math.min(days(), dayIndex(dataThrough)));
    }

    /**
     * The first day whose reference date is on or after {@code date}, t(date) + lag, at least 1 (may be past T): a
     * value dated {@code date} shows in the rows from this day on.
     */
    public int firstDayReading(LocalDate date) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, dayIndex(date) + lagDays));
    }

    /** The study's settings: 2020-02-01 to 2020-03-31, covariates lagged 3 days. */
    public static PanelSettings study() {
        return new PanelSettings(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 3, 31), 3);
    }

    /** T, the number of days in the window. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The day index t of a date: start is day 1 (dates before start give t <= 0). */
    public long dayIndex(LocalDate date) {
        return ChronoUnit.DAYS.between(start, date) + 1;
    }

    public LocalDate date(int day) {
        return start.plusDays(day - 1L);
    }

    /** The reference date of day t: date(t) - lag. */
    public LocalDate referenceDate(int day) {
        return date(day).minusDays(lagDays);
    }
}
