package org.hazardstream.panel.service;

import java.time.LocalDate;
import java.util.List;

import org.hazardstream.core.panel.Panel;

/**
 * The committed panel as readers see it: replaced whole after each committed batch, never changed in place.
 *
 * @param dataThrough    the latest date with a daily record of a known city, or null while there is none
 * @param recordsApplied raw records applied since the panel began (redeliveries not counted)
 */
public record PanelSnapshot(long version, Panel panel, LocalDate dataThrough, long recordsApplied) {

    public static final PanelSnapshot EMPTY = new PanelSnapshot(0, new Panel(List.of(), List.of()), null, 0);
}
