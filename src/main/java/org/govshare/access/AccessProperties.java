package org.govshare.access;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Data access under a grant. A read pages like every list of the API ({@code govshare.request.max-page-size}).
 *
 * @param rateLimit how many reads one grant may make per window; more are refused with 429 (bulk scraping)
 * @param rateWindow the window the rate limit counts in
 * @param rateLease how many of a grant's reads a node counts at once in the shared count, and then serves without
 *                  counting (at most a twentieth of the limit; 1 counts every read as it comes)
 * @param masking how sensitive items are masked, by their kind
 * @param maxOrderedRecords the most matching records a read orders itself: when the grant does not show a hosted
 *                          dataset's key as it is, or a sort is asked for, the records are ordered by what the grant
 *                          shows, which takes them all; more matches are refused with a request to filter further
 * @param orderedKeysKept how many record keys this node keeps, in all, of such orders, so that the next pages of the
 *                        same data version, grant view and question are read by key instead of ordering again; 0 keeps
 *                        none
 */
@ConfigurationProperties("govshare.access")
public record AccessProperties(@DefaultValue("600") int rateLimit,
                               @DefaultValue("1m") Duration rateWindow, @DefaultValue("10") int rateLease,
                               @DefaultValue Masking masking,
                               @DefaultValue("10000") int maxOrderedRecords,
                               @DefaultValue("200000") int orderedKeysKept) {

    /**
     * Masking rules (Art. 19). Characters are counted as code points, so Chinese names mask per character.
     *
     * @param idNumberKeepFirst, idNumberKeepLast how much of an ID number stays (4101**********1234)
     * @param mobileKeepFirst, mobileKeepLast how much of a mobile number stays (138****5678)
     * @param nameKeepFirst how many characters of a name stay (张*), unless it begins with a compound surname
     * @param compoundSurnames surnames of two characters, kept whole (欧阳**)
     * @param addressEndsAfter the address is cut after the first of these (the district: 区, 县, 旗)
     * @param maskCharacter what replaces hidden characters
     */
    public record Masking(@DefaultValue("4") int idNumberKeepFirst, @DefaultValue("4") int idNumberKeepLast,
                          @DefaultValue("3") int mobileKeepFirst, @DefaultValue("4") int mobileKeepLast,
                          @DefaultValue("1") int nameKeepFirst,
                          @DefaultValue({"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
                                  "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "万俟",
                                  "申屠", "澹台", "赫连", "钟离", "闻人"}) List<String> compoundSurnames,
                          @DefaultValue({"区", "县", "旗"}) List<String> addressEndsAfter,
                          @DefaultValue("*") String maskCharacter) {
    }
}
