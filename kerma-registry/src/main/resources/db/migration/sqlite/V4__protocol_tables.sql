-- Procedure protocols (issue 9, docs/protocols.md "Tables"), SQLite dialect.
-- Keep in step with ../postgresql/V4__protocol_tables.sql: same tables, columns and indexes.
-- Filled by the "protocol" extractor (defined and performed protocols) and the "protocol references" extractor
-- (images that reference protocols). Protocol and element references are by SOP Instance UID and element number,
-- not foreign keys: a reference may arrive before what it references. Compliance is derived from these tables
-- and recomputed per subject whenever a protocol or image it depends on arrives.

-- One row per CT or XA Defined or Performed Procedure Protocol instance.
CREATE TABLE protocol (
    id                      INTEGER PRIMARY KEY,
    instance_fk             INTEGER NOT NULL UNIQUE REFERENCES instance (id),
    sop_instance_uid        TEXT NOT NULL UNIQUE,
    sop_class_uid           TEXT NOT NULL,
    kind                    TEXT NOT NULL,       -- DEFINED | PERFORMED
    modality                TEXT NOT NULL,       -- CT | XA
    protocol_name           TEXT NOT NULL,
    equipment_modality      TEXT NOT NULL,
    responsible_group       TEXT NOT NULL,       -- code meanings, '; '-separated
    custodial_organization  TEXT NOT NULL,
    design_rationale        TEXT NOT NULL,
    patient_position        TEXT NOT NULL,
    anatomic_region_value   TEXT,
    anatomic_region_scheme  TEXT,
    anatomic_region_meaning TEXT,
    study_instance_uid      TEXT,                -- performed protocols only
    dataset                 BLOB NOT NULL        -- the data set (Explicit VR LE, no bulk data), for re-evaluation
);
CREATE INDEX protocol_kind_name_ix ON protocol (kind, protocol_name);
CREATE INDEX protocol_region_ix ON protocol (anatomic_region_value);
CREATE INDEX protocol_study_ix ON protocol (study_instance_uid);

-- Model Specification Sequence (0018,9912) items: the equipment a protocol is for.
CREATE TABLE protocol_model (
    id                INTEGER PRIMARY KEY,
    protocol_fk       INTEGER NOT NULL REFERENCES protocol (id),
    manufacturer      TEXT NOT NULL,
    model_group       TEXT NOT NULL,
    model_name        TEXT NOT NULL,
    software_versions TEXT NOT NULL              -- '\'-separated
);
CREATE INDEX protocol_model_protocol_ix ON protocol_model (protocol_fk);
CREATE INDEX protocol_model_name_ix ON protocol_model (model_name, manufacturer);

-- Acquisition, reconstruction and storage protocol elements.
CREATE TABLE protocol_element (
    id                    INTEGER PRIMARY KEY,
    protocol_fk           INTEGER NOT NULL REFERENCES protocol (id),
    kind                  TEXT NOT NULL,         -- ACQUISITION | RECONSTRUCTION | STORAGE
    element_number        INTEGER NOT NULL,
    name                  TEXT NOT NULL,
    purpose               TEXT NOT NULL,
    source_acquisition    TEXT NOT NULL,         -- Source Acquisition Protocol Element Numbers, '\'-separated
    source_reconstruction TEXT NOT NULL,         -- Source Reconstruction Protocol Element Numbers, '\'-separated
    source_protocol_uid   TEXT,                  -- the instance holding the sources, when not this one
    item_path             TEXT NOT NULL
);
CREATE INDEX protocol_element_protocol_ix ON protocol_element (protocol_fk, kind, element_number);

-- Attribute Value Constraints of defined protocols; element_fk null for the Patient Specification.
CREATE TABLE protocol_constraint (
    id                 INTEGER PRIMARY KEY,
    protocol_fk        INTEGER NOT NULL REFERENCES protocol (id),
    element_fk         INTEGER REFERENCES protocol_element (id),
    ordinal            INTEGER NOT NULL,
    selector           TEXT NOT NULL,            -- e.g. XAPlaneDetailsSequence[1].PrimaryPositionerScanArc
    selector_attribute TEXT,                     -- e.g. (0018,9508)
    attribute_name     TEXT NOT NULL,
    vr                 TEXT NOT NULL,
    constraint_type    TEXT NOT NULL,            -- as found; not necessarily one of the standard's
    constraint_values  TEXT NOT NULL,            -- the Constraint Value Sequence items, ' | '-separated
    allowed            TEXT NOT NULL,            -- readable: [180 .. 200] deg
    units              TEXT,
    modifiable         TEXT,                     -- YES | NO | null (absent)
    significance       TEXT NOT NULL,
    item_path          TEXT NOT NULL
);
CREATE INDEX protocol_constraint_protocol_ix ON protocol_constraint (protocol_fk, element_fk);

-- References to protocols and their elements, from images (General Procedure Protocol Reference Macro; series
-- level for CT) and from performed protocols (Referenced Defined Protocol Sequence). One row per referenced element
-- number; element_kind and element_number null for a reference that names no element.
CREATE TABLE protocol_reference (
    id                INTEGER PRIMARY KEY,
    instance_fk       INTEGER NOT NULL REFERENCES instance (id),
    referencing_kind  TEXT NOT NULL,             -- IMAGE | PERFORMED
    reference_kind    TEXT NOT NULL,             -- DEFINED | PERFORMED
    level             TEXT NOT NULL,             -- IMAGE | SERIES
    protocol_uid      TEXT NOT NULL,
    protocol_class    TEXT NOT NULL,
    element_kind      TEXT,
    element_number    INTEGER,
    item_path         TEXT NOT NULL
);
CREATE INDEX protocol_reference_target_ix ON protocol_reference (protocol_uid, element_kind, element_number);
CREATE INDEX protocol_reference_instance_ix ON protocol_reference (instance_fk);

-- The data set of each image that references a protocol (Explicit VR LE, no bulk data), for compliance checks of
-- images that arrived before their defined protocol.
CREATE TABLE protocol_image (
    instance_fk INTEGER PRIMARY KEY REFERENCES instance (id),
    dataset     BLOB NOT NULL
);

-- Each constraint of a defined protocol evaluated against a performed protocol or an image (the subject).
-- Rows without a constraint (constraint_path '') are references that could not be evaluated, with the reason.
CREATE TABLE protocol_compliance (
    id              INTEGER PRIMARY KEY,
    subject_fk      INTEGER NOT NULL REFERENCES instance (id),
    subject_kind    TEXT NOT NULL,               -- PERFORMED | IMAGE
    defined_uid     TEXT NOT NULL,
    scope           TEXT NOT NULL,               -- patient | acquisition 3 ROTATIONAL SUB
    element_kind    TEXT,
    element_number  INTEGER,
    constraint_path TEXT NOT NULL,
    attribute_name  TEXT NOT NULL,
    selector        TEXT NOT NULL,
    constraint_type TEXT NOT NULL,
    outcome         TEXT NOT NULL,               -- PASS | FAIL | NOT_EVALUABLE
    actual          TEXT NOT NULL,
    allowed         TEXT NOT NULL,
    reason          TEXT NOT NULL,
    evaluated_at    BIGINT NOT NULL
);
CREATE INDEX protocol_compliance_defined_ix ON protocol_compliance (defined_uid, outcome);
CREATE INDEX protocol_compliance_subject_ix ON protocol_compliance (subject_fk);
