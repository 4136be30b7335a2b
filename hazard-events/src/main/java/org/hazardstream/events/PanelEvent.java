package org.hazardstream.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A message of the {@link Topics#PANEL} topic: a changed row or the marker that completes a panel version. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PanelRowChanged.class, name = "row"),
        @JsonSubTypes.Type(value = PanelVersionCompleted.class, name = "version")})
public sealed interface PanelEvent permits PanelRowChanged, PanelVersionCompleted {

    /** Key of the version marker. */
    String VERSION_KEY = "version";

    /** Key of a panel row. */
    static String rowKey(String cityId, int day) {
        return "row|" + cityId + "|" + day;
    }
}
