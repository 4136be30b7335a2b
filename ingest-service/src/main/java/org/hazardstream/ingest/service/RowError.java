package org.hazardstream.ingest.service;

/**
 * One problem of a posted body. {@code row} is the data row number (1 = the first row after the CSV header or the
 * first element of the JSON array); 0 means the CSV header or the body as a whole.
 */
public record RowError(int row, String column, String message) {}
