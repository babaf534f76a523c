/**
 * Vendor deviations from PS3.16 as data: the {@link org.kerma.dose.vendor.Quirk}s the reader handles, each with the
 * corpus file that shows it, and the table of non-UCUM unit codes ({@link org.kerma.dose.vendor.UnitQuirks}).
 * Not API: the readers consult these tables; callers see the {@link org.kerma.dose.AppliedQuirk}s of a report.
 */
package org.kerma.dose.vendor;
