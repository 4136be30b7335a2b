-- The latest raw record of every (stream, natural key), with the Kafka position it came from: a redelivered record
-- (same or older offset of the same key) is recognised and ignored, which makes at-least-once consumption idempotent.
CREATE TABLE raw_record (
    stream           VARCHAR(16)  NOT NULL,
    record_key       VARCHAR(256) NOT NULL,
    fields           TEXT         NOT NULL,
    event_id         VARCHAR(64),
    source_partition INTEGER      NOT NULL,
    source_offset    BIGINT       NOT NULL,
    applied_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (stream, record_key)
);

-- The current panel, one row per city-day of the risk set (row_json = the PanelRow as event JSON).
CREATE TABLE panel_row (
    city_id       VARCHAR(64) NOT NULL,
    day           INTEGER     NOT NULL,
    row_json      TEXT        NOT NULL,
    panel_version BIGINT      NOT NULL,
    PRIMARY KEY (city_id, day)
);

-- One row: the version of the panel held in panel_row.
CREATE TABLE panel_version (
    id              INTEGER PRIMARY KEY,
    version         BIGINT  NOT NULL,
    records_applied BIGINT  NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE
);
INSERT INTO panel_version (id, version, records_applied, completed_at) VALUES (1, 0, 0, NULL);

-- Messages written in the same transaction as the state change they announce; the relay sends them in id order
-- and deletes them once Kafka acknowledged them. payload NULL = a tombstone.
CREATE TABLE outbox (
    id          BIGSERIAL    PRIMARY KEY,
    topic       VARCHAR(128) NOT NULL,
    message_key VARCHAR(256),
    payload     TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
