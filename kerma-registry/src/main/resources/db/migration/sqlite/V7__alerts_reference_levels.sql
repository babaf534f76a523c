-- Kerma index, reference levels and alerts (docs/reference-levels.md), SQLite dialect.
-- Keep in step with ../postgresql/V7__alerts_reference_levels.sql: same tables, columns and indexes.
-- Values are in the canonical unit of their quantity (DoseQuantity: DAP Gy·m², RP_AIR_KERMA Gy, FLUORO_TIME s,
-- DLP mGy·cm, CTDIVOL mGy, PEAK_EVENT_DAP Gy·m², PEAK_EVENT_RP_AIR_KERMA Gy). Dates are ISO-8601 (2024-03-01),
-- instants are milliseconds since the epoch (UTC).

-- One version of a reference level pack: Kerma's shipped packs (written at open) and local ones.
CREATE TABLE reference_pack (
    id               INTEGER PRIMARY KEY,
    pack_id          TEXT NOT NULL,
    jurisdiction     TEXT NOT NULL,
    name             TEXT NOT NULL,
    version          TEXT NOT NULL,
    valid_from       TEXT NOT NULL,
    valid_to         TEXT,
    source           TEXT NOT NULL,
    shipped          INTEGER NOT NULL,
    UNIQUE (pack_id, version)
);

-- The levels of a pack in matching order (seq): the first whose modality and patterns match names the exam.
CREATE TABLE reference_level (
    id               INTEGER PRIMARY KEY,
    pack_fk          INTEGER NOT NULL REFERENCES reference_pack (id),
    seq              INTEGER NOT NULL,
    exam             TEXT NOT NULL,
    modalities       TEXT NOT NULL,
    match_pattern    TEXT NOT NULL,
    exclude_pattern  TEXT NOT NULL,
    quantity         TEXT NOT NULL,
    value            DOUBLE PRECISION NOT NULL,
    note             TEXT NOT NULL
);
CREATE INDEX reference_level_pack_ix ON reference_level (pack_fk, seq);

-- Alert rules: Kerma's defaults (shipped = 1, written at open when absent, to be reviewed) and local rules.
CREATE TABLE alert_rule (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    modalities       TEXT NOT NULL,
    device_pattern   TEXT NOT NULL,
    match_pattern    TEXT NOT NULL,
    exclude_pattern  TEXT NOT NULL,
    quantity         TEXT NOT NULL,
    threshold        DOUBLE PRECISION NOT NULL,
    window_days      INTEGER NOT NULL,
    source           TEXT NOT NULL,
    shipped          INTEGER NOT NULL,
    enabled          INTEGER NOT NULL
);

-- Alerts raised at ingest, one per study and rule. Keyed by Study Instance UID (not the study row) so that
-- acknowledgements survive kerma reindex; re-evaluation updates value and threshold and keeps the state.
CREATE TABLE alert (
    id                 INTEGER PRIMARY KEY,
    study_instance_uid TEXT NOT NULL,
    study_date         TEXT,
    rule_name          TEXT NOT NULL,
    quantity           TEXT NOT NULL,
    value              DOUBLE PRECISION NOT NULL,
    threshold          DOUBLE PRECISION NOT NULL,
    window_days        INTEGER NOT NULL,
    raised_at          BIGINT NOT NULL,
    state              TEXT NOT NULL,
    acknowledged_by    TEXT,
    acknowledged_at    BIGINT,
    ack_comment        TEXT,
    UNIQUE (study_instance_uid, rule_name)
);
CREATE INDEX alert_state_ix ON alert (state, study_date);

-- The comparison of a study with the reference levels valid at its date, replaced at each evaluation.
CREATE TABLE reference_comparison (
    id               INTEGER PRIMARY KEY,
    study_fk         INTEGER NOT NULL REFERENCES study (id),
    level_fk         INTEGER NOT NULL REFERENCES reference_level (id),
    value            DOUBLE PRECISION NOT NULL,
    ratio            DOUBLE PRECISION NOT NULL,
    exceeded         INTEGER NOT NULL
);
CREATE INDEX reference_comparison_study_ix ON reference_comparison (study_fk);
CREATE INDEX reference_comparison_exceeded_ix ON reference_comparison (exceeded, study_fk);
