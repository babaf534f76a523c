-- Kerma index, core tables (DESIGN.md "Index tables"), SQLite dialect.
-- Keep in step with ../postgresql/V1__core_tables.sql: same tables, columns and indexes.
-- Text attributes are stored trimmed; dates as YYYYMMDD, times as HHMMSS[.FFFFFF]; *_norm columns hold the
-- upper-case form of person names for case-insensitive matching (PS3.4 C.2.2.2.1). Each level keeps the
-- attributes C-FIND can return (PS3.4 C.6) as an encoded data set in "attributes" (Explicit VR Little Endian).
-- Times of reception are milliseconds since 1970-01-01T00:00Z.

CREATE TABLE patient (
    id                   INTEGER PRIMARY KEY,
    patient_id           TEXT NOT NULL,
    issuer_of_patient_id TEXT NOT NULL DEFAULT '',
    patient_name         TEXT,
    patient_name_norm    TEXT,
    birth_date           TEXT,
    sex                  TEXT,
    attributes           BLOB NOT NULL,
    UNIQUE (patient_id, issuer_of_patient_id)
);
CREATE INDEX patient_name_norm_ix ON patient (patient_name_norm);

CREATE TABLE device (
    id                  INTEGER PRIMARY KEY,
    manufacturer        TEXT NOT NULL DEFAULT '',
    model_name          TEXT NOT NULL DEFAULT '',
    serial_number       TEXT NOT NULL DEFAULT '',
    station_name        TEXT NOT NULL DEFAULT '',
    device_observer_uid TEXT NOT NULL DEFAULT '',
    UNIQUE (manufacturer, model_name, serial_number, station_name, device_observer_uid)
);

CREATE TABLE study (
    id                        INTEGER PRIMARY KEY,
    patient_fk                INTEGER NOT NULL REFERENCES patient (id),
    study_instance_uid        TEXT NOT NULL UNIQUE,
    study_date                TEXT,
    study_time                TEXT,
    accession_number          TEXT,
    study_id                  TEXT,
    referring_physician_norm  TEXT,
    study_description         TEXT,
    attributes                BLOB NOT NULL
);
CREATE INDEX study_patient_ix ON study (patient_fk);
CREATE INDEX study_date_ix ON study (study_date);
CREATE INDEX study_accession_ix ON study (accession_number);

CREATE TABLE series (
    id                  INTEGER PRIMARY KEY,
    study_fk            INTEGER NOT NULL REFERENCES study (id),
    device_fk           INTEGER REFERENCES device (id),
    series_instance_uid TEXT NOT NULL UNIQUE,
    modality            TEXT,
    series_number       TEXT,
    series_date         TEXT,
    series_description  TEXT,
    body_part_examined  TEXT,
    attributes          BLOB NOT NULL
);
CREATE INDEX series_study_ix ON series (study_fk);
CREATE INDEX series_modality_ix ON series (modality, study_fk);

CREATE TABLE instance (
    id                  INTEGER PRIMARY KEY,
    series_fk           INTEGER NOT NULL REFERENCES series (id),
    sop_instance_uid    TEXT NOT NULL UNIQUE,
    sop_class_uid       TEXT NOT NULL,
    object_class        TEXT NOT NULL,
    instance_number     TEXT,
    content_date        TEXT,
    file_path           TEXT NOT NULL,
    file_size           BIGINT NOT NULL,
    sha256              TEXT NOT NULL,
    transfer_syntax_uid TEXT NOT NULL,
    sender_ae           TEXT,
    received_at         BIGINT NOT NULL,
    duplicates_received INTEGER NOT NULL DEFAULT 0,
    attributes          BLOB NOT NULL
);
CREATE INDEX instance_series_ix ON instance (series_fk);
CREATE INDEX instance_sop_class_ix ON instance (sop_class_uid);
CREATE INDEX instance_received_ix ON instance (received_at);

-- Every copy of an instance received after the first, and what the duplicate policy did with it.
CREATE TABLE duplicate (
    id               INTEGER PRIMARY KEY,
    instance_fk      INTEGER NOT NULL REFERENCES instance (id),
    action           TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    file_size        BIGINT NOT NULL,
    file_path        TEXT,
    sender_ae        TEXT,
    received_at      BIGINT NOT NULL
);
CREATE INDEX duplicate_instance_ix ON duplicate (instance_fk);

-- Extraction and validation findings per instance; a finding never removes the instance.
CREATE TABLE finding (
    id          INTEGER PRIMARY KEY,
    instance_fk INTEGER NOT NULL REFERENCES instance (id),
    source      TEXT NOT NULL,
    severity    TEXT NOT NULL,
    message     TEXT NOT NULL,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX finding_instance_ix ON finding (instance_fk);
