-- Appends no longer wait on each other: events are inserted unchained and chained by one writer (see the
-- PostgreSQL migration of the same number); the Java trigger allows only that one change.
alter table audit_event drop primary key;
alter table audit_event alter column seq set null;
alter table audit_event alter column prev_hash set null;
alter table audit_event alter column hash set null;
create unique index audit_event_seq on audit_event (seq);
create index audit_event_unchained on audit_event (seq, occurred_at, id);
