-- Appends no longer wait on each other: an event is inserted unchained (no sequence number, no hashes) in the
-- transaction of the change it records, and one writer at a time chains the committed events in batches (the
-- chain-head row is its lock). An event may change exactly once: from unchained to chained, its content untouched.
alter table audit_event drop constraint audit_event_pkey;
alter table audit_event alter column seq drop not null;
alter table audit_event alter column prev_hash drop not null;
alter table audit_event alter column hash drop not null;
create unique index audit_event_seq on audit_event (seq);
create index audit_event_unchained on audit_event (occurred_at, id) where seq is null;

create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if old.seq is null and new.seq is not null and new.prev_hash is not null and new.hash is not null
                and (new.id, new.occurred_at, new.actor, new.actor_department, new.action, new.object_type,
                     new.object_id, new.outcome, new.reason, new.correlation_id, new.details)
                    is not distinct from
                    (old.id, old.occurred_at, old.actor, old.actor_department, old.action, old.object_type,
                     old.object_id, old.outcome, old.reason, old.correlation_id, old.details) then
            return new;
        end if;
    end if;
    raise exception 'audit_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;
