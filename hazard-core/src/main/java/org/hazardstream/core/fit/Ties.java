package org.hazardstream.core.fit;

import java.util.Locale;

/** Tie handling of the Cox partial likelihood, as R's coxph(ties = ...). */
public enum Ties {
    EFRON,
    BRESLOW,
    EXACT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Ties fromId(String id) {
        for (Ties t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new org.hazardstream.core.data.BadInputException(
                "option --ties: unknown tie method '" + id + "' (expected efron, breslow or exact)");
    }
}
