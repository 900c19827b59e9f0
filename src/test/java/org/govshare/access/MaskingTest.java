package org.govshare.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.govshare.catalog.CatalogEntry.DataItem;
import org.govshare.catalog.ItemKind;
import org.govshare.vocabulary.Sensitivity;
import org.junit.jupiter.api.Test;

/** Each masking kind (Art. 19), with the default settings and with others. */
class MaskingTest {

    private static final AccessProperties.Masking DEFAULTS = new AccessProperties.Masking(4, 4, 3, 4, 1,
            List.of("欧阳", "司马", "诸葛"), List.of("区", "县", "旗"), "*");

    private static Object mask(AccessProperties.Masking rules, ItemKind kind, Object value) {
        return new Masking(new AccessProperties(600, Duration.ofMinutes(1), 1, rules, 10000, 0))
                .mask(new DataItem("x", "string", null, Sensitivity.PERSONAL, null, null, kind), value);
    }

    @Test
    void anIdNumberKeepsItsFirstFourAndLastFour() {
        assertThat(mask(DEFAULTS, ItemKind.ID_NUMBER, "410105199001011234")).isEqualTo("4101**********1234");
    }

    @Test
    void aNameKeepsItsSurnameAndACompoundSurnameWhole() {
        assertThat(mask(DEFAULTS, ItemKind.PERSON_NAME, "张伟")).isEqualTo("张*");
        assertThat(mask(DEFAULTS, ItemKind.PERSON_NAME, "欧阳娜娜")).isEqualTo("欧阳**");
        assertThat(mask(DEFAULTS, ItemKind.PERSON_NAME, "张")).isEqualTo("*");
    }

    @Test
    void aMobileKeepsThreeAndFour() {
        assertThat(mask(DEFAULTS, ItemKind.MOBILE, "13812345678")).isEqualTo("138****5678");
    }

    @Test
    void anAddressIsCutAfterTheDistrict() {
        assertThat(mask(DEFAULTS, ItemKind.ADDRESS, "河南省郑州市金水区花园路59号院3号楼")).isEqualTo("河南省郑州市金水区***");
        assertThat(mask(DEFAULTS, ItemKind.ADDRESS, "河南省中牟县城关镇")).isEqualTo("河南省中牟县***");
        assertThat(mask(DEFAULTS, ItemKind.ADDRESS, "花园路59号")).isEqualTo("***");
    }

    @Test
    void anythingElseIsHiddenWholeAndNothingStaysNothing() {
        assertThat(mask(DEFAULTS, ItemKind.TEXT, "年营业额 1200 万元")).isEqualTo("********");
        assertThat(mask(DEFAULTS, null, "ab")).isEqualTo("***");
        assertThat(mask(DEFAULTS, ItemKind.MOBILE, null)).isNull();
    }

    @Test
    void theRulesAreSettings() {
        AccessProperties.Masking stricter = new AccessProperties.Masking(2, 2, 0, 4, 0, List.of(), List.of("市"), "#");
        assertThat(mask(stricter, ItemKind.ID_NUMBER, "410105199001011234")).isEqualTo("41##############34");
        assertThat(mask(stricter, ItemKind.MOBILE, "13812345678")).isEqualTo("#######5678");
        assertThat(mask(stricter, ItemKind.PERSON_NAME, "张伟")).isEqualTo("##");
        assertThat(mask(stricter, ItemKind.ADDRESS, "河南省郑州市金水区")).isEqualTo("河南省郑州市###");
    }
}
