package org.kerma.server.export;

/**
 * From the canonical units of the index to the display units of exports and pages: DAP Gy·m² to Gy·cm², air kerma
 * Gy to mGy, areas m² to cm², times s to ms. Null stays null (an absent value is never 0).
 */
final class Units {
    static final double GYM2_TO_GYCM2 = 1e4;
    static final double GY_TO_MGY = 1e3;
    static final double M2_TO_CM2 = 1e4;
    static final double S_TO_MS = 1e3;

    private Units() {
    }

    static Double scaled(Double value, double factor) {
        return value == null ? null : value * factor;
    }
}
