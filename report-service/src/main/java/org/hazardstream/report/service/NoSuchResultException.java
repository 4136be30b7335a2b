package org.hazardstream.report.service;

/** A spec or term for which nothing is stored (404). */
public class NoSuchResultException extends RuntimeException {

    public NoSuchResultException(String message) {
        super(message);
    }
}
