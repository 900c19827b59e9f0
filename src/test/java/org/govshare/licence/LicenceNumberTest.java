package org.govshare.licence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LicenceNumberTest {

    @Test
    void theCheckCharacterIsTheIdentityNumbersOne() {
        // GB 11643's example number: its 18th character is the ISO 7064 MOD 11-2 check of the first 17
        assertThat(LicenceNumber.check("11010519491231002")).isEqualTo('X');
    }

    @Test
    void aNumberHasItsFormAndCheckCharacter() {
        String number = LicenceNumber.of(2026, "102", 42);

        assertThat(number).matches("DZZZ-2026-102-0000042-[0-9X]");
        assertThat(LicenceNumber.wellFormed(number)).isTrue();
    }

    @Test
    void oneMistypedOrTwoSwappedDigitsAreCaught() {
        String number = LicenceNumber.of(2026, "102", 4217);

        assertThat(LicenceNumber.wellFormed(number.replace("0004217", "0004218"))).isFalse();
        assertThat(LicenceNumber.wellFormed(number.replace("0004217", "0004271"))).isFalse();
        assertThat(LicenceNumber.wellFormed("DZZZ-2026-102-42-1")).isFalse();
        assertThat(LicenceNumber.wellFormed("anything")).isFalse();
    }
}
