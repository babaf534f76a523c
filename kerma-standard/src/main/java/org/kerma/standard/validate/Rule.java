package org.kerma.standard.validate;

/** Which rule of the standard a finding is about; stable names, for tables and JSON output. */
public enum Rule {
    /** The SOP Class UID is missing or names no IOD of the standard (PS3.3 Annex A). */
    UNKNOWN_IOD,
    /** Type 1 attribute absent (PS3.5 Section 7.4.1). */
    MISSING_TYPE_1,
    /** Type 1 attribute present without a value, or a type 1 sequence without items. */
    EMPTY_TYPE_1,
    /** Type 2 attribute absent (PS3.5 Section 7.4.3). */
    MISSING_TYPE_2,
    /** Type 1C/2C attribute absent although its condition holds (PS3.5 Sections 7.4.2, 7.4.4). */
    MISSING_CONDITIONAL,
    /** Type 1C attribute present without a value. */
    EMPTY_TYPE_1C,
    /** Type 1C/2C attribute present although its condition does not hold and it may not be present otherwise. */
    PRESENT_WHEN_CONDITION_FALSE,
    /** The condition of a 1C/2C attribute or of a C module cannot be evaluated. */
    CONDITION_NOT_EVALUABLE,
    /** A module the IOD requires has no tabulated attributes here. */
    MODULE_NOT_TABULATED,
    /** A value does not satisfy its VR: length, character repertoire or format (PS3.5 Section 6.2). */
    INVALID_VALUE,
    /** The number of values does not satisfy the VM of the dictionary or the module (PS3.5 Section 6.4). */
    INVALID_VM,
    /** A value is not one of the module's enumerated values (PS3.5 Section 6.4). */
    ENUMERATED_VALUE,
    /** A value is not one of the module's defined terms (allowed, reported as a warning). */
    DEFINED_TERM,
    /** A sequence has a number of items the module does not allow. */
    SEQUENCE_ITEM_COUNT,
    /** The file meta information disagrees with the data set or lacks a required element (PS3.10 Section 7.1). */
    FILE_META,
    /** An SR content item does not fit its template row, or the root item is not the template's (PS3.16). */
    TEMPLATE_ITEM,
    /** A mandatory row of an SR template has no content item (PS3.16 Section 6.1.2, requirement M). */
    TEMPLATE_MISSING_ITEM,
    /** A row of an SR template has more or fewer content items than its VM allows. */
    TEMPLATE_ITEM_COUNT,
    /** An SR content item has another value type than its template row. */
    TEMPLATE_VALUE_TYPE,
    /** An SR content item has another relationship type to its parent than its template row. */
    TEMPLATE_RELATIONSHIP,
    /** A NUM content item has units other than its template row's (fixed, or from the row's context group). */
    TEMPLATE_UNITS,
    /** A CODE content item's value is not the row's fixed value or not in the row's context group. */
    TEMPLATE_CODED_VALUE
}
