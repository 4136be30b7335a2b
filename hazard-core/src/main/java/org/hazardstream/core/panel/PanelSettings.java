package org.hazardstream.core.panel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.hazardstream.core.data.BadInputException;

/**
 * The window [start, end] (inclusive) and the covariate lag of panel-contract.md. Day t of the window is
 * start + (t - 1); its covariates are read at the reference date date(t) - lagDays.
 */
public record PanelSettings(LocalDate start, LocalDate end, int lagDays) {

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
