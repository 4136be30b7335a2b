package org.hazardstream.panel.service;

/**
 * What one batch did.
 *
 * @param version     the panel version after the batch (unchanged when no record was applied)
 * @param applied     records that became the latest of their key
 * @param duplicates  redelivered records (offset not after the stored one of their key), ignored
 * @param deadLetters records that could not be applied, sent to the dead-letter topic
 * @param rowsChanged panel rows added, changed or removed
 */
public record BatchOutcome(long version, int applied, int duplicates, int deadLetters, int rowsChanged) {}
