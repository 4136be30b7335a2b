package org.hazardstream.events;

import org.hazardstream.core.panel.PanelRow;

/** A panel row that is new or changed in panel version {@code panelVersion}. */
public record PanelRowChanged(long panelVersion, PanelRow row) implements PanelEvent {
}
