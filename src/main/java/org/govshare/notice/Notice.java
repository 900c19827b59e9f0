package org.govshare.notice;

import java.time.Instant;

/**
 * Something the platform tells officials: a reminder of a deadline, an urge from the authority, an outcome.
 *
 * @param recipient an official's login, or a workgroup ({@code <department>.<role>}) whose every member sees it
 * @param kind what kind of notice, e.g. {@code REPLY_REMINDER}
 * @param objectType what it is about ({@code sharing-request}, …)
 * @param objectId which one (a case number)
 */
public record Notice(String id, String recipient, String kind, String subject, String body, String objectType,
                     String objectId, Instant createdAt) {
}
