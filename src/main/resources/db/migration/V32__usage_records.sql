-- National regulation (2025), Art. 29: a grant's holder records how it used the shared data, kept at least as long as
-- the rule pack says (three years); a record may be deleted by its holder only after the day stored with it.
create table usage_record (
    id           bigserial    primary key,
    grant_id     varchar(20)  not null references sharing_grant (id),
    scenario     text         not null,
    process      text         not null,
    results      text         not null,
    storage      text         not null,
    destruction  text         not null,
    recorded_by  varchar(64)  not null,
    recorded_at  timestamptz  not null,
    kept_until   date         not null
);
create index usage_record_grant on usage_record (grant_id, recorded_at);

create table usage_record_file (
    id        bigserial    primary key,
    record_id bigint       not null references usage_record (id) on delete cascade,
    name      varchar(255) not null,
    type      varchar(100) not null,
    size      bigint       not null,
    content   bytea        not null
);
create index usage_record_file_record on usage_record_file (record_id);

-- the first day data was read under a grant, as the daily round finds it in the audit trail: a grant "in use"
create table grant_first_read (
    grant_id      varchar(20) primary key references sharing_grant (id),
    first_read_on date        not null,
    evidence      varchar(64) not null
);
