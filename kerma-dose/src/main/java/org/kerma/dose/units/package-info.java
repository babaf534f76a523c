/**
 * UCUM unit codes ({@link org.kerma.dose.units.UcumUnit}) and their conversion to the canonical unit of each dose
 * quantity ({@link org.kerma.dose.units.Units}), refusing units of another kind of quantity.
 */
package org.kerma.dose.units;
