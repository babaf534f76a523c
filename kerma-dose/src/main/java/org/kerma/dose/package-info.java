/**
 * Dose values in canonical units: {@link org.kerma.dose.DoseReport} and the records it holds (accumulated dose,
 * projection and CT irradiation events, radiopharmaceutical administrations, observer context), each
 * {@link org.kerma.dose.Quantity} in its canonical {@link org.kerma.dose.Unit} with the value and unit as written,
 * and the {@link org.kerma.dose.Finding}s and {@link org.kerma.dose.AppliedQuirk}s of the reading. Pure values:
 * immutable, no I/O. The readers are in {@code org.kerma.dose.rdsr}.
 */
package org.kerma.dose;
