package org.kerma.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Study dates as users type them (REST query parameters, command options) in the index's form. */
class StudyDateTest {

    @Test
    void takesBothFormsAndNoneAsNoBound() {
        assertThat(StudyFilter.studyDate("2024-03-15")).isEqualTo("20240315");
        assertThat(StudyFilter.studyDate(" 20240315 ")).isEqualTo("20240315");
        assertThat(StudyFilter.studyDate(null)).isNull();
        assertThat(StudyFilter.studyDate("  ")).isNull();
    }

    @Test
    void refusesOtherFormsNamingThem() {
        assertThatThrownBy(() -> StudyFilter.studyDate("15.03.2024"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a date must be YYYY-MM-DD or YYYYMMDD, was '15.03.2024'");
        assertThatThrownBy(() -> StudyFilter.studyDate("2024-3-15")).isInstanceOf(IllegalArgumentException.class);
    }
}
