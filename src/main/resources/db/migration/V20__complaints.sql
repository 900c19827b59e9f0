-- Complaints (Art. 32): an administrative department complains of another's conduct; the sharing authority of the
-- respondent's tier and region investigates and finds. Each step of the complaint process decides from this row,
-- never from process variables, which a task completion could overwrite.
create table complaint (
    id                      varchar(20)   primary key,
    process_instance_id     varchar(64),
    complainant_department  varchar(64)   not null,
    lodged_by               varchar(128)  not null,
    lodged_at               timestamp with time zone not null,
    respondent_department   varchar(64)   not null,
    violation_type          varchar(40)   not null,
    facts                   varchar(4000) not null,
    occurred_on             date          not null,
    cited_cases             text          default '[]' not null,
    cited_events            text          default '[]' not null,
    files                   text          default '[]' not null,
    authority_department    varchar(64)   not null,
    status                  varchar(20)   not null,
    investigation_due       timestamp with time zone,
    reminded                boolean       default false not null,
    escalated               boolean       default false not null,
    statement_due           timestamp with time zone,
    statement               text,
    statement_missed        boolean       default false not null,
    finding                 text,
    violation_id            varchar(40),
    closed_at               timestamp with time zone
);
create index complaint_complainant on complaint (complainant_department, lodged_at);
create index complaint_respondent on complaint (respondent_department, lodged_at);

-- The files attached to a complaint, numbered from 1 in the order uploaded; read only when downloaded.
create table complaint_file (
    complaint_id  varchar(20)  not null references complaint (id),
    n             integer      not null,
    content       bytea        not null,
    primary key (complaint_id, n)
);
