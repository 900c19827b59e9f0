package org.govshare.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.govshare.identity.Official;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The notices officials see in {@code GET /api/notices}: addressed to them or to a workgroup they are in. A notice
 * is sent in the transaction of the step that sends it; the step's own audit event records it.
 */
@Service
public class Notices {

    private static final RowMapper<Notice> NOTICE = (rs, row) -> new Notice(rs.getString("id"), rs.getString("recipient"),
            rs.getString("kind"), rs.getString("subject"), rs.getString("body"), rs.getString("object_type"),
            rs.getString("object_id"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Notices(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Notice send(String recipient, String kind, String subject, String body, String objectType, String objectId) {
        Notice notice = new Notice(UUID.randomUUID().toString(), recipient, kind, cut(subject, 300), cut(body, 2000),
                objectType, objectId, clock.instant());
        jdbc.update("insert into notice (id, recipient, kind, subject, body, object_type, object_id, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", notice.id(), notice.recipient(), notice.kind(), notice.subject(),
                notice.body(), notice.objectType(), notice.objectId(), Timestamp.from(notice.createdAt()));
        return notice;
    }

    /** The notices addressed to an official or to any of their workgroups, newest first. */
    public List<Notice> of(Official official, int page, int size) {
        List<Object> recipients = new ArrayList<>(official.groupIds());
        recipients.add(official.login());
        String in = String.join(", ", recipients.stream().map(r -> "?").toList());
        recipients.add(size);
        recipients.add((long) page * size);
        return jdbc.query("select * from notice where recipient in (" + in + ") order by created_at desc, id limit ? offset ?",
                NOTICE, recipients.toArray());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
