package org.govshare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.govshare.platform.JsonColumns;
import org.govshare.platform.secrets.SecretBox;
import org.govshare.platform.web.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

/** The masks of a public complainant's name and contact, and its seal bound to the complaint (national Art. 37). */
class PublicComplainantsTest {

    @Test
    void aNameKeepsItsFirstCharacterAndAContactItsEnds() {
        assertThat(PublicComplainants.maskedName("张三丰")).isEqualTo("张**");
        assertThat(PublicComplainants.maskedName("李四")).isEqualTo("李*");
        assertThat(PublicComplainants.maskedName("王")).isEqualTo("王*");
        assertThat(PublicComplainants.maskedName("郑州某某科技有限公司")).isEqualTo("郑***");
        assertThat(PublicComplainants.maskedName("𠀀字")).isEqualTo("𠀀*");
        assertThat(PublicComplainants.maskedContact("13812345678")).isEqualTo("138****5678");
        assertThat(PublicComplainants.maskedContact("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(PublicComplainants.maskedContact("66881234")).isEqualTo("****34");
    }

    @Test
    void theSealOpensOnlyForItsOwnComplaintAndTheFactsMayNotRepeatTheComplainant() throws ReflectiveOperationException {
        byte[] key = new byte[32];
        key[0] = 7;
        // the platform's JsonColumns, as Spring makes it (its constructor is the platform's own)
        var columns = JsonColumns.class.getDeclaredConstructor(com.fasterxml.jackson.databind.ObjectMapper.class);
        columns.setAccessible(true);
        PublicComplainants complainants = new PublicComplainants(new SecretBox(key, List.of()),
                columns.newInstance(new com.fasterxml.jackson.databind.ObjectMapper()));
        List<FieldError> errors = new ArrayList<>();
        Complaint.PublicComplainant clear = complainants.checked(new NewComplaint.PublicComplainant("CITIZEN", " 张三丰 ",
                "13812345678"), "市民反映 13812345678 的信息被滥用", errors);

        assertThat(clear.name()).isEqualTo("张三丰");
        assertThat(errors).extracting(FieldError::rule).containsExactly("facts-without-complainant");
        String sealed = complainants.seal(clear, "TS-2026-000001");
        assertThat(sealed).doesNotContain("张三丰", "13812345678", Base64.getEncoder().encodeToString("张三丰".getBytes()));
        assertThat(complainants.open(sealed, "TS-2026-000001")).isEqualTo(clear);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complainants.open(sealed, "TS-2026-000002"))
                .isInstanceOf(SecretBox.SecretUnreadableException.class);
    }
}
