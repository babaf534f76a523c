package org.kerma.standard;

/**
 * One row of an IOD's module table (PS3.3 Annex A): the module, its information entity and usage.
 *
 * @param informationEntity   e.g. "Patient", "Image"
 * @param moduleId            the module's id; see {@link Standard#module(String)}
 * @param usage               M, C or U
 * @param conditionText       the condition as PS3.3 states it for usage C (and some U), "" when none
 * @param evaluableCondition  the name of a machine-evaluable condition that tells whether the module is
 *                            present, "" when none is tabulated; see {@link Standard#condition(String)}
 */
public record IodModule(String informationEntity, String moduleId, Usage usage, String conditionText,
                        String evaluableCondition) {
}
