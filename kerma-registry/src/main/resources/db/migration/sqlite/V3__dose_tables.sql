-- Kerma index, dose tables (DESIGN.md "Index tables", docs/dose.md "Dose tables"), SQLite dialect.
-- Keep in step with ../postgresql/V3__dose_tables.sql: same tables, columns and indexes.
-- Quantities in their canonical unit, named by the column suffix: Gy·m² (_gym2), Gy (_gy), mGy (_mgy),
-- mGy·cm (_mgycm), s (_s), mm (_mm), deg (_deg), kV (_kv), mA (_ma), mAs (_mas), m² (_m2). Date-times are the
-- local date-times of the objects as ISO-8601 text ("2024-03-01T10:22:31.25"), which sorts as time.
-- Codes are three columns: *_code (Code Value), *_scheme (Coding Scheme Designator), *_meaning (Code Meaning).

-- One row per dose report instance (RDSR). status and replaced_by are set by relinking the study: a report whose
-- set of Irradiation Event UIDs another report of the study contains is REPLACED by it, the others STANDING.
CREATE TABLE dose_report (
    id                  INTEGER PRIMARY KEY,
    instance_fk         INTEGER NOT NULL UNIQUE REFERENCES instance (id),
    study_fk            INTEGER NOT NULL REFERENCES study (id),
    sop_instance_uid    TEXT NOT NULL,
    kind                TEXT NOT NULL,
    template            TEXT NOT NULL,
    device_observer_uid TEXT,
    manufacturer        TEXT,
    model_name          TEXT,
    serial_number       TEXT,
    device_name         TEXT,
    started_at          TEXT,
    ended_at            TEXT,
    status              TEXT NOT NULL DEFAULT 'STANDING',
    replaced_by         TEXT
);
CREATE INDEX dose_report_study_ix ON dose_report (study_fk);

-- Accumulated dose per report and acquisition plane (TID 10002 with 10004..10007); a CT report (TID 10012) has one
-- row with no plane, its DLP total and number of events.
CREATE TABLE accumulated_dose (
    id                         INTEGER PRIMARY KEY,
    report_fk                  INTEGER NOT NULL REFERENCES dose_report (id),
    plane_code                 TEXT,
    plane_scheme               TEXT,
    plane_meaning              TEXT,
    dap_gym2                   DOUBLE PRECISION,
    rp_air_kerma_gy            DOUBLE PRECISION,
    fluoro_dap_gym2            DOUBLE PRECISION,
    fluoro_rp_air_kerma_gy     DOUBLE PRECISION,
    fluoro_time_s              DOUBLE PRECISION,
    acquisition_dap_gym2       DOUBLE PRECISION,
    acquisition_rp_air_kerma_gy DOUBLE PRECISION,
    acquisition_time_s         DOUBLE PRECISION,
    radiographic_frames        DOUBLE PRECISION,
    dlp_total_mgycm            DOUBLE PRECISION,
    event_count                INTEGER
);
CREATE INDEX accumulated_dose_report_ix ON accumulated_dose (report_fk);

-- One row per irradiation event of a report (projection TID 10003 or CT TID 10013), in document order (seq).
-- Cumulative reports repeat the events of earlier ones: standing = 1 marks the row that stands for its event UID
-- in the study (from the standing report with most events), so each event UID stands once per study.
CREATE TABLE irradiation_event (
    id                        INTEGER PRIMARY KEY,
    report_fk                 INTEGER NOT NULL REFERENCES dose_report (id),
    study_fk                  INTEGER NOT NULL REFERENCES study (id),
    seq                       INTEGER NOT NULL,
    content_path              TEXT NOT NULL,
    event_uid                 TEXT,
    standing                  INTEGER NOT NULL DEFAULT 0,
    started_at                TEXT,
    type_code                 TEXT,
    type_scheme               TEXT,
    type_meaning              TEXT,
    plane_code                TEXT,
    plane_scheme              TEXT,
    plane_meaning             TEXT,
    protocol                  TEXT,
    target_region_code        TEXT,
    target_region_scheme      TEXT,
    target_region_meaning     TEXT,
    kvp_kv                    DOUBLE PRECISION,
    tube_current_ma           DOUBLE PRECISION,
    exposure_time_s           DOUBLE PRECISION,
    pulses                    DOUBLE PRECISION,
    irradiation_duration_s    DOUBLE PRECISION,
    dap_gym2                  DOUBLE PRECISION,
    rp_air_kerma_gy           DOUBLE PRECISION,
    primary_angle_deg         DOUBLE PRECISION,
    secondary_angle_deg       DOUBLE PRECISION,
    sid_mm                    DOUBLE PRECISION,
    collimated_field_area_m2  DOUBLE PRECISION,
    ctdivol_mgy               DOUBLE PRECISION,
    dlp_mgycm                 DOUBLE PRECISION,
    referenced_instances      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX irradiation_event_report_ix ON irradiation_event (report_fk);
CREATE INDEX irradiation_event_study_ix ON irradiation_event (study_fk, standing, started_at);
CREATE INDEX irradiation_event_uid_ix ON irradiation_event (event_uid);
CREATE UNIQUE INDEX irradiation_event_standing_ux ON irradiation_event (study_fk, event_uid) WHERE standing = 1;

-- The X-ray technique of one image from its header (the image as a whole; Enhanced images: shared groups, with the
-- Irradiation Event UIDs of every frame in event_uids, separated by '\').
CREATE TABLE image_technique (
    id                   INTEGER PRIMARY KEY,
    instance_fk          INTEGER NOT NULL UNIQUE REFERENCES instance (id),
    study_fk             INTEGER NOT NULL REFERENCES study (id),
    sop_instance_uid     TEXT NOT NULL,
    modality             TEXT,
    acquired_at          TEXT,
    irradiation_event_uid TEXT,
    event_uids           TEXT NOT NULL DEFAULT '',
    kvp_kv               DOUBLE PRECISION,
    tube_current_ma      DOUBLE PRECISION,
    exposure_time_s      DOUBLE PRECISION,
    exposure_mas         DOUBLE PRECISION,
    dap_gym2             DOUBLE PRECISION,
    entrance_dose_mgy    DOUBLE PRECISION,
    exposure_index       DOUBLE PRECISION,
    primary_angle_deg    DOUBLE PRECISION,
    secondary_angle_deg  DOUBLE PRECISION,
    sid_mm               DOUBLE PRECISION,
    number_of_frames     INTEGER,
    ctdivol_mgy          DOUBLE PRECISION,
    protocol_name        TEXT,
    body_part            TEXT,
    radiation_setting    TEXT,
    manufacturer         TEXT,
    model_name           TEXT,
    serial_number        TEXT,
    station_name         TEXT,
    device_uid           TEXT
);
CREATE INDEX image_technique_study_ix ON image_technique (study_fk);

-- The links of a study's images to its standing events (Linker), replaced whenever an object of the study arrives.
CREATE TABLE event_image (
    id                  INTEGER PRIMARY KEY,
    study_fk            INTEGER NOT NULL REFERENCES study (id),
    event_uid           TEXT NOT NULL,
    instance_fk         INTEGER NOT NULL REFERENCES instance (id),
    method              TEXT NOT NULL,
    time_difference_s   DOUBLE PRECISION
);
CREATE INDEX event_image_study_ix ON event_image (study_fk, event_uid);
CREATE INDEX event_image_instance_ix ON event_image (instance_fk);

-- Images linked by time window with several events equally near: the link went to the first UID of event_uids.
CREATE TABLE link_tie (
    id                  INTEGER PRIMARY KEY,
    study_fk            INTEGER NOT NULL REFERENCES study (id),
    instance_fk         INTEGER NOT NULL REFERENCES instance (id),
    event_uids          TEXT NOT NULL,
    distance_s          DOUBLE PRECISION NOT NULL
);
CREATE INDEX link_tie_study_ix ON link_tie (study_fk);

-- The dose summary of a study, kept with its links: from the standing reports (source REPORT), else one event per
-- irradiating image (source IMAGES). Lists and filters of studies by dose read this table only.
CREATE TABLE study_dose (
    study_fk            INTEGER PRIMARY KEY REFERENCES study (id),
    source              TEXT NOT NULL,
    dap_gym2            DOUBLE PRECISION,
    rp_air_kerma_gy     DOUBLE PRECISION,
    fluoro_time_s       DOUBLE PRECISION,
    dlp_mgycm           DOUBLE PRECISION,
    ctdivol_max_mgy     DOUBLE PRECISION,
    event_count         INTEGER NOT NULL
);
CREATE INDEX study_dose_dap_ix ON study_dose (dap_gym2);
CREATE INDEX study_dose_dlp_ix ON study_dose (dlp_mgycm);
