package org.hazardstream.report.rest;

/** The body of every 4xx answer: {"error": "..."}. */
public record ApiError(String error) {}
