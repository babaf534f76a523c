package org.kerma.dose.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.kerma.dose.Unit;

class UnitsTest {
    static double converted(double value, String code, Unit target) {
        Units.Conversion c = Units.convert(value, code, target);
        assertThat(c).isInstanceOf(Units.Conversion.Converted.class);
        return ((Units.Conversion.Converted) c).value();
    }

    @Test
    void convertsDoseAreaProductFromDecigraySquareCentimetreToGraySquareMetre() {
        assertThat(converted(1.07, "dGy.cm2", Unit.GRAY_SQUARE_METRE)).isCloseTo(1.07e-5, within(1e-18));
        assertThat(converted(153.56864, "cGy.cm2", Unit.GRAY_SQUARE_METRE)).isCloseTo(1.5356864e-4, within(1e-15));
        assertThat(converted(2.5, "uGy.m2", Unit.GRAY_SQUARE_METRE)).isCloseTo(2.5e-6, within(1e-18));
    }

    @Test
    void convertsMilligrayToGrayAndKeepsCanonicalUnitsAsTheyAre() {
        assertThat(converted(30.573, "mGy", Unit.GRAY)).isCloseTo(0.030573, within(1e-15));
        assertThat(converted(415.82, "mGy.cm", Unit.MILLIGRAY_CENTIMETRE)).isEqualTo(415.82);
        assertThat(converted(41.582, "mGy.dm", Unit.MILLIGRAY_CENTIMETRE)).isCloseTo(415.82, within(1e-9));
    }

    @Test
    void convertsTimesCurrentTimeProductsAndRates() {
        assertThat(converted(5, "ms", Unit.SECOND)).isCloseTo(0.005, within(1e-15));
        assertThat(converted(2, "min", Unit.SECOND)).isEqualTo(120);
        assertThat(converted(800, "uA.s", Unit.MILLIAMPERE_SECOND)).isCloseTo(0.8, within(1e-12));
        assertThat(converted(15, "{pulse}/s", Unit.PER_SECOND)).isEqualTo(15);
        assertThat(converted(15, "/s", Unit.PER_SECOND)).isEqualTo(15);
        assertThat(converted(0.04, "m2", Unit.SQUARE_METRE)).isEqualTo(0.04);
        assertThat(converted(120, "kV", Unit.KILOVOLT)).isEqualTo(120);
        assertThat(converted(394, "MBq", Unit.MEGABECQUEREL)).isEqualTo(394);
    }

    @Test
    void scalesByPowersOfTenWithOneRounding() {
        assertThat(converted(34300, "uA.s", Unit.MILLIAMPERE_SECOND)).isEqualTo(34.3);
        assertThat(converted(1.07, "dGy.cm2", Unit.GRAY_SQUARE_METRE)).isEqualTo(1.07e-5);
        assertThat(converted(30.573, "mGy", Unit.GRAY)).isEqualTo(0.030573);
    }

    @Test
    void readsAnnotationsAsDimensionlessCounts() {
        assertThat(converted(2, "{X-Ray sources}", Unit.ONE)).isEqualTo(2);
        assertThat(converted(1.38, "{ratio}", Unit.ONE)).isEqualTo(1.38);
        assertThat(converted(6, "1", Unit.ONE)).isEqualTo(6);
    }

    @Test
    void refusesUnitOfAnotherKindOfQuantity() {
        assertThat(Units.convert(1, "mGy", Unit.GRAY_SQUARE_METRE))
                .isEqualTo(new Units.Conversion.WrongDimension("mGy", Unit.GRAY_SQUARE_METRE));
        assertThat(Units.convert(1, "mGy.cm", Unit.MILLIGRAY))
                .isEqualTo(new Units.Conversion.WrongDimension("mGy.cm", Unit.MILLIGRAY));
    }

    @Test
    void doesNotKnowNonUcumCodes() {
        assertThat(Units.convert(1, "Gym2", Unit.GRAY_SQUARE_METRE))
                .isEqualTo(new Units.Conversion.UnknownUnit("Gym2"));
        assertThat(Units.convert(1, "mGycm", Unit.MILLIGRAY_CENTIMETRE))
                .isEqualTo(new Units.Conversion.UnknownUnit("mGycm"));
        assertThat(UcumUnit.parse("Gy.cm^2")).isEmpty();
        assertThat(UcumUnit.parse("")).isEmpty();
    }
}
