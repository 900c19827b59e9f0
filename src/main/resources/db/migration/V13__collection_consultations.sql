-- Collection consultations (Art. 9): information no published resource provides; the business authorities named
-- answer who collects it, or the sharing authority rules. Lists (items) are JSON text, as in the other tables.
create table collection_consultation (
    id                    varchar(20)   primary key,
    demanding_department  varchar(64)   not null,
    requested_by          varchar(64)   not null,
    requested_at          timestamp with time zone not null,
    information           varchar(2000) not null,
    items                 text          not null,
    purpose               varchar(1000) not null,
    legal_duty            varchar(1000) not null,
    need_id               varchar(36),
    status                varchar(16)   not null,
    answer_due            timestamp with time zone,
    collecting_department varchar(64),
    business_authority    varchar(64),
    ruling_decision       varchar(24),
    ruling_reasons        varchar(2000),
    ruled_by              varchar(64),
    ruled_at              timestamp with time zone,
    submission_id         varchar(36)   unique,
    resource_code         varchar(20),
    process_instance_id   varchar(64),
    closed_at             timestamp with time zone
);
create index collection_consultation_demanding on collection_consultation (demanding_department);
create index collection_consultation_process on collection_consultation (process_instance_id);

-- One row per department consulted, in the order named; task_id binds the row to its answer task when created.
create table consultation_answer (
    consultation_id varchar(20)   not null references collection_consultation (id),
    position        int           not null,
    department      varchar(64)   not null,
    task_id         varchar(64),
    answer          varchar(16),
    reasons         varchar(2000),
    answered_by     varchar(64),
    answered_at     timestamp with time zone,
    primary key (consultation_id, position)
);
create index consultation_answer_department on consultation_answer (department);
create index consultation_answer_task on consultation_answer (task_id);

-- A need is MET once a resource providing it is published (Art. 9, 15).
alter table sharing_need add column met_by_resource varchar(20);
alter table sharing_need add column met_at timestamp with time zone;
