package org.kerma.tools.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TagPatternTest {

    @Test
    void turnsDcmtkGroupRangeIntoRepeatingGroupMask() {
        TagPattern overlayData = DcmtkDictionaryReader.parseTag("(6000-60FF,3000)");

        assertThat(overlayData).isEqualTo(new TagPattern(0x60003000, 0xFF00FFFF));
        assertThat(overlayData.render()).isEqualTo("60xx3000");
    }

    @Test
    void turnsDcmtkElementRangeIntoElementMask() {
        assertThat(DcmtkDictionaryReader.parseTag("(0020,3100-31FF)").render()).isEqualTo("002031xx");
        assertThat(DcmtkDictionaryReader.parseTag("(7F00-7FFF,0010)").render()).isEqualTo("7Fxx0010");
    }

    @Test
    void readsSingleTags() {
        TagPattern p = DcmtkDictionaryReader.parseTag("(0018,115E)");

        assertThat(p.isSingle()).isTrue();
        assertThat(p.tag()).isEqualTo(0x0018115E);
    }

    @Test
    void rejectsRangesThatAreNotNibbleAligned() {
        assertThatThrownBy(() -> TagPattern.ofRange(0x6000, 0x601E)).hasMessageContaining("6000-601E");
        assertThatThrownBy(() -> DcmtkDictionaryReader.parseTag("(0009-o-FFFF,0000)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesWhatItRenders() {
        for (String text : new String[] {"1000xxx0", "1010xxxx", "002804x0", "50xx200A", "0018115E"}) {
            assertThat(TagPattern.parse(text).render()).isEqualTo(text);
        }
        assertThat(TagPattern.parse("1000xxx0")).isEqualTo(new TagPattern(0x10000000, 0xFFFF000F));
    }
}
