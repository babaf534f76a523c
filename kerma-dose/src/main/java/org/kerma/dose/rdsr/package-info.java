/**
 * Reads radiation dose structured reports (PS3.16 TID 10001, 10011 and 10021 families) into
 * {@link org.kerma.dose.DoseReport}s: the front door {@link org.kerma.dose.rdsr.RdsrReader}, and one package-private
 * reader per template container, named after the template's title. See {@code docs/dose.md}.
 */
package org.kerma.dose.rdsr;
