package org.hazardstream.report.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The adoption facts of one complete panel version, for the dashboard (GET /api/v1/dashboard/adoption).
 *
 * @param panelVersion the panel version these curves show (0: no complete version seen yet)
 * @param cities       cities in the panel (the denominator of the cumulative incidence)
 * @param adoptions    one per adopting city in the window, by date
 * @param curves       cumulative adoption per day from the first to the last day of the panel
 */
public record AdoptionCurves(
        long panelVersion,
        Instant completedAt,
        LocalDate dataThrough,
        int rows,
        int cities,
        int events,
        List<Adoption> adoptions,
        List<CurvePoint> curves) {

    public static final String GROUP_ALL = "all";
    public static final String GROUP_MODE = "mode";
    public static final String GROUP_PROVINCE = "province";

    public static final AdoptionCurves NONE = new AdoptionCurves(0, null, null, 0, 0, 0, List.of(), List.of());

    public AdoptionCurves {
        adoptions = List.copyOf(adoptions);
        curves = List.copyOf(curves);
    }

    /** A city's adoption: the day it left the risk set with an event, and the mode (1 self-built, 2 provincial). */
    public record Adoption(String cityId, String provinceId, LocalDate date, int day, int mode, String modeName) {}

    /**
     * The curve of one series on one date.
     *
     * @param group   "all" (series "all cities"), "mode" (series "self-built" or "provincial") or "province"
     *                (series = province id)
     * @param atRisk  cities of the series' population (all cities; all cities for a mode; the province's cities)
     * @param adopted adoptions of the series on or before the date
     * @param share   adopted / atRisk: every city is followed to the end of the window or its adoption, so with no
     *                censoring before the end this is the cumulative incidence (Aalen-Johansen) of the series' event
     */
    public record CurvePoint(LocalDate date, String group, String series, int atRisk, int adopted, double share) {}
}
