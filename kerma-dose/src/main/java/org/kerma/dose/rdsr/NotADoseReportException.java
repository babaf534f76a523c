package org.kerma.dose.rdsr;

/** The object is not a radiation dose report this reader knows: names its SOP class and document title. */
public final class NotADoseReportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NotADoseReportException(String message) {
        super(message);
    }
}
