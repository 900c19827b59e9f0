-- Checkpoints anchor the audit chain outside the database (see docs/audit-anchoring.md): each one is the Merkle root
-- of the events since the one before, with the chain head, timestamped (RFC 3161) and sealed by the authority.
-- The statement is what was stamped and sealed; the other columns repeat it for queries and are checked against it.
create table audit_checkpoint (
    number          bigint primary key,
    first_seq       bigint      not null,
    last_seq        bigint      not null unique,
    leaf_count      integer     not null,
    head_hash       char(64)    not null,
    merkle_root     char(64)    not null,
    previous_hash   char(64)    not null,
    statement_hash  char(64)    not null,
    made_at         timestamptz not null,
    statement       bytea       not null,
    timestamp_token bytea       not null,
    seal            bytea       not null,
    seal_register_id varchar(64),
    check (first_seq >= 1 and last_seq >= first_seq and leaf_count = last_seq - first_seq + 1)
);

-- Nothing that connects through the application may change or remove a checkpoint.
create function audit_checkpoint_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_checkpoint is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_checkpoint_no_update_or_delete
    before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_is_append_only();

create trigger audit_checkpoint_no_truncate
    before truncate on audit_checkpoint
    for each statement execute function audit_checkpoint_is_append_only();
