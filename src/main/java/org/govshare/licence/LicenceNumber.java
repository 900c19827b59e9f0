package org.govshare.licence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A licence's number: {@code DZZZ-<year>-<provider's catalog range>-<7-digit sequence>-<check>}, e.g.
 * {@code DZZZ-2026-102-0000042-X}. The check character is ISO 7064 MOD 11-2 over the fourteen digits (as the last
 * character of a resident identity number, GB 11643): 0 to 9 or X, so one mistyped digit or two swapped digits are
 * caught before anything is looked up.
 */
final class LicenceNumber {

    private static final Pattern FORM = Pattern.compile("DZZZ-(\\d{4})-(\\d{3})-(\\d{7,})-([0-9X])");

    private LicenceNumber() {
    }

    static String of(int year, String providerRange, long sequence) {
        String digits = String.format("%04d%s%07d", year, providerRange, sequence);
        return String.format("DZZZ-%04d-%s-%07d-%c", year, providerRange, sequence, check(digits));
    }

    /** Whether a text is a licence number in form, its check character matching. */
    static boolean wellFormed(String number) {
        Matcher parts = FORM.matcher(number);
        return parts.matches() && check(parts.group(1) + parts.group(2) + parts.group(3)) == parts.group(4).charAt(0);
    }

    /** ISO 7064 MOD 11-2: 0 to 9, or X for ten. */
    static char check(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum = (sum + digits.charAt(i) - '0') * 2 % 11;
        }
        int check = (12 - sum) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }
}
