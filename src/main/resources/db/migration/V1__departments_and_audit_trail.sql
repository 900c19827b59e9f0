-- Departments: the attributes Camunda's groups do not carry (tier, region, kind). The code is the group id.
create table department (
    code        varchar(64)  primary key,
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null,
    tier        varchar(16)  not null,
    region_code varchar(6)   not null,
    kind        varchar(32)  not null
);

-- The audit trail: append-only (see the vendor migrations), hash-chained in seq order.
create table audit_event (
    seq              bigint        primary key,
    id               varchar(36)   not null unique,
    occurred_at      timestamp with time zone not null,
    actor            varchar(128)  not null,
    actor_department varchar(64),
    action           varchar(64)   not null,
    object_type      varchar(64),
    object_id        varchar(256),
    outcome          varchar(16)   not null,
    reason           varchar(2000),
    correlation_id   varchar(64),
    details          text          not null,
    prev_hash        char(64)      not null,
    hash             char(64)      not null
);
create index audit_event_time on audit_event (occurred_at);

-- The head of the chain: one row, locked by each append until its transaction ends.
create table audit_chain_head (
    id        int      primary key,
    last_seq  bigint   not null,
    last_hash char(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- How far the search index has caught up.
create table audit_index_cursor (
    id               int    primary key,
    last_indexed_seq bigint not null
);
insert into audit_index_cursor (id, last_indexed_seq) values (1, 0);
