package org.hazardstream.study;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of covariate of study-contract.md ("Covariates of a unit-period row"). */
public enum CovariateKind {
    ATTRIBUTE("attribute"),
    GROUP_ATTRIBUTE("group-attribute"),
    SERIES("series"),
    GLOBAL("global"),
    GROUP_REACHED("group-reached"),
    PEERS_ADOPTED("peers-adopted"),
    NEIGHBOURS_ADOPTED("neighbours-adopted"),
    EXPRESSION("expression");

    private final String id;

    CovariateKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
