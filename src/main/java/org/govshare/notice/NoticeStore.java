package org.govshare.notice;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Notices in the database. */
@Repository
class NoticeStore {

    private static final RowMapper<Notice> NOTICE = (rs, row) -> new Notice(rs.getString("id"), rs.getString("recipient"),
            rs.getString("kind"), rs.getString("subject"), rs.getString("body"), rs.getString("object_type"),
            rs.getString("object_id"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    NoticeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Notice notice) {
        jdbc.update("insert into notice (id, recipient, kind, subject, body, object_type, object_id, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", notice.id(), notice.recipient(), notice.kind(), notice.subject(),
                notice.body(), notice.objectType(), notice.objectId(), Timestamp.from(notice.createdAt()));
    }

    /** A page of the notices addressed to any of the recipients, newest first. */
    List<Notice> addressedTo(List<String> recipients, int page, int size) {
        List<Object> args = new ArrayList<>(recipients);
        String in = String.join(", ", recipients.stream().map(r -> "?").toList());
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("select * from notice where recipient in (" + in + ") order by created_at desc, id limit ? offset ?",
                NOTICE, args.toArray());
    }
}
