-- Bulwark guard audit store: one row per audit record, one hash chain per gateway instance.
-- The record column holds the exact canonical JSON line (hashes are over its bytes); the other columns
-- repeat fields of it for lookups and must agree with it (audit verify checks they do).
CREATE TABLE audit_record (
    id         BIGSERIAL   PRIMARY KEY,
    instance   TEXT        NOT NULL,
    seq        BIGINT      NOT NULL,
    type       TEXT        NOT NULL,
    prev       TEXT        NOT NULL,
    hash       TEXT        NOT NULL,
    record     TEXT        NOT NULL,
    written_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT audit_record_instance_seq UNIQUE (instance, seq)
);

CREATE INDEX audit_record_checkpoints ON audit_record (instance, seq) WHERE type = 'checkpoint';
