-- The annual assessment (Art. 31) as a case: one per year, computed into a draft, reviewed by the authority and then
-- published into assessment_report (V17). The draft's figures are stored as computed; the review adds only words.
create table assessment (
    id                  varchar(20)  primary key,
    year                integer      not null unique,
    status              varchar(16)  not null,
    process_instance_id varchar(64),
    draft               text,
    started_by          varchar(128) not null,
    started_at          timestamp with time zone not null,
    review_due          timestamp with time zone,
    reviewed_by         varchar(128),
    closed_at           timestamp with time zone
);
create index assessment_process on assessment (process_instance_id);

-- The authority's opinion and improvement points per department, and its notes on figures (JSON: indicator key ->
-- text). A note never changes a figure.
create table assessment_review (
    assessment_id varchar(20)   not null references assessment (id),
    department    varchar(64)   not null,
    opinion       varchar(4000) not null,
    improvements  text          not null,
    notes         text          not null,
    reviewed_by   varchar(128)  not null,
    reviewed_at   timestamp with time zone not null,
    primary key (assessment_id, department)
);

-- The assessment reads a year of audited actions of a few kinds (reads, failed calls, catalog returns) out of
-- millions: by action and time, not by time alone.
create index audit_event_action_time on audit_event (action, occurred_at);
