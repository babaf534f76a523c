package org.kerma.dose.reference;

/** A study's value above the threshold of a rule: what an alert is raised for. */
public record Exceedance(AlertRule rule, double value) {
}
