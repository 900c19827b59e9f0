-- Rectification of a violation (Art. 33): one case per violation, the steps of its case file, and the public
-- criticism it may end in.
create table rectification (
    id                    varchar(20)   primary key,
    violation_id          varchar(20)   not null unique references violation (id),
    department            varchar(64)   not null,
    process_instance_id   varchar(64),
    status                varchar(32)   not null,
    attempt               integer       not null,
    report_due            timestamp with time zone,
    started_by            varchar(128)  not null,
    started_at            timestamp with time zone not null,
    criticism_text        varchar(2000),
    criticism_published_at timestamp with time zone,
    criticism_published_by varchar(128),
    referral_outcome      varchar(32),
    closed_at             timestamp with time zone
);
create index rectification_department on rectification (department, status);
create index rectification_process on rectification (process_instance_id);
create index rectification_published on rectification (criticism_published_at);

-- The case file: every notice, report, decision and publication, in order.
create table rectification_step (
    rectification_id varchar(20)   not null references rectification (id),
    seq              integer       not null,
    kind             varchar(32)   not null,
    actor            varchar(128)  not null,
    recorded_at      timestamp with time zone not null,
    decision         varchar(32),
    body             varchar(2000),
    evidence         varchar(2000),
    due              timestamp with time zone,
    primary key (rectification_id, seq)
);
