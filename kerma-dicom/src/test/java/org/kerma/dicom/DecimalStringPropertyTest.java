package org.kerma.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Disabled;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.io.WriteOptions;

/**
 * A double set on a DS element is written as DS text of at most 16 characters (PS3.5 Table 6.2-1) that keeps the
 * number's precision: the text read back is the text set, it is a correct rounding of the number to the digits it
 * shows (within one unit of its last digit), and it shows at least nine significant digits, the most that fit in
 * 16 characters in the worst case ({@code -d.dddddddd E-ddd}). Numbers whose shortest text fits are kept exactly.
 */
class DecimalStringPropertyTest {
    /** PS3.5 Table 6.2-1: a fixed point or floating point number, optional sign and exponent. */
    private static final String DS_FORM = "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?";

    @Property(tries = 3000)
    void decimalStringsFitSixteenCharactersAndKeepTheNumbersPrecision(@ForAll("finiteDoubles") double value)
            throws IOException {
        DicomObject ds = new DicomObject();
        ds.setDouble(Tag.KVP, value);
        String set = ds.findString(Tag.KVP).orElseThrow();

        String text = readBack(ds).findString(Tag.KVP).orElseThrow();

        assertThat(text).isEqualTo(set).hasSizeLessThanOrEqualTo(16).matches(DS_FORM);
        double parsed = Double.parseDouble(text);
        if (parsed != value) {
            BigDecimal exact = new BigDecimal(value);
            BigDecimal shown = new BigDecimal(text);
            BigDecimal error = shown.subtract(exact).abs();
            assertThat(error).as("error of %s for %s", text, exact).isLessThanOrEqualTo(shown.ulp());
            assertThat(error.divide(exact.abs(), MathContext.DECIMAL64))
                    .as("relative error of %s for %s", text, exact).isLessThanOrEqualTo(new BigDecimal("1e-8"));
        }
    }

    @Property(tries = 1000)
    void shortDecimalsAreKeptExactly(@ForAll("shortDecimals") BigDecimal decimal) throws IOException {
        double value = decimal.doubleValue();
        DicomObject ds = new DicomObject();
        ds.setDouble(Tag.KVP, value);

        DicomObject read = readBack(ds);

        assertThat(read.findDouble(Tag.KVP)).hasValue(value);
        assertThat(new BigDecimal(read.findString(Tag.KVP).orElseThrow())).isEqualByComparingTo(decimal);
    }

    @Example
    void decimalStringsUseAllSixteenCharactersWhenTheNumberNeedsThem() {
        DicomObject ds = new DicomObject();

        ds.setDouble(Tag.KVP, 1000000000010000.125);
        assertThat(ds.findDouble(Tag.KVP).orElseThrow()).isCloseTo(1000000000010000.125, within(1.0));

        ds.setDouble(Tag.KVP, -1.2345678901234568E-5);
        assertThat(new BigDecimal(ds.findString(Tag.KVP).orElseThrow()).precision()).isGreaterThanOrEqualTo(11);
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.of(Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                        Double.MIN_NORMAL, 1e15, -1e15, 1e16, 999999999999999.9, 0.1, 1.0 / 3, -0.0, 1e-5, 1e-4));
    }

    /** Decimals of at most ten significant digits and a moderate exponent: their shortest text fits. */
    @Provide
    Arbitrary<BigDecimal> shortDecimals() {
        return Arbitraries.longs().between(-9_999_999_999L, 9_999_999_999L)
                .flatMap(unscaled -> Arbitraries.integers().between(-4, 10)
                        .map(scale -> BigDecimal.valueOf(unscaled, scale)));
    }

    private static DicomObject readBack(DicomObject ds) throws IOException {
        byte[] bytes = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return DicomReader.readDataset(new ByteArrayInputStream(bytes), "property",
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
    }
}
