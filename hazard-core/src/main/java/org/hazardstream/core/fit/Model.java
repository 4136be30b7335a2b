package org.hazardstream.core.fit;

import java.util.Locale;

/** The models of the fit contract; {@link #id()} is the name used on the command line and in JSON. */
public enum Model {
    COX,
    PCE,
    LOGIT,
    FINEGRAY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Model fromId(String id) {
        for (Model m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new org.hazardstream.core.data.BadInputException(
                "option --model: unknown model '" + id + "' (expected cox, pce, logit or finegray)");
    }
}
