package org.kerma.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ConstraintTypeTest {

    /**
     * The enum holds exactly the Enumerated Values of Constraint Type (0082,0032) as the staged dicom3tools tables
     * list them (../shared/standard/dicom3tools, strval/base.tpl, "AttributeValueConstraintType"), in order.
     */
    @Test
    void holdsExactlyTheStandardsConstraintTypes() throws Exception {
        Path tpl = Path.of(System.getProperty("kerma.shared", "../../shared"),
                "standard/dicom3tools/libsrc/standard/strval/base.tpl");
        Assumptions.assumeTrue(Files.isRegularFile(tpl), "the shared standard data is not beside the project");
        String text = Files.readString(tpl);
        Matcher m = Pattern.compile("StringValues=\"AttributeValueConstraintType\" \\{([^}]*)}").matcher(text);
        assertThat(m.find()).isTrue();
        List<String> standard = new ArrayList<>();
        for (String v : m.group(1).split(",")) {
            standard.add(v.trim());
        }
        assertThat(Arrays.stream(ConstraintType.values()).map(Enum::name).toList()).isEqualTo(standard);
    }

    @Test
    void knowsHowManyValuesEachTypeTakes() {
        assertThat(ConstraintType.RANGE_EXCL.minValues()).isEqualTo(2);
        assertThat(ConstraintType.MEMBER_OF.maxValues()).isEqualTo(Integer.MAX_VALUE);
        assertThat(ConstraintType.UNCONSTRAINED.maxValues()).isZero();
        assertThat(ConstraintType.of(" LESS_THAN ")).contains(ConstraintType.LESS_THAN);
        assertThat(ConstraintType.of("NOT_EQUAL")).isEmpty();
        assertThat(Arrays.stream(ConstraintType.values()).filter(ConstraintType::ordering)).hasSize(6);
    }
}
