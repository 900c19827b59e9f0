-- National regulation Art. 27 (P11). A suspension of a requester's sharing rights on misuse: one grant or all it holds
-- (of one provider's resources when a provider suspends), with reasons and a rectification deadline; restored when
-- rectified, the grants terminated when not.
create table sharing_suspension (
    id                    varchar(20)   primary key,
    department            varchar(64)   not null,
    suspender_department  varchar(64)   not null,
    by_authority          boolean       not null,
    scope                 varchar(16)   not null,
    reasons               varchar(2000) not null,
    status                varchar(32)   not null,
    suspended_by          varchar(128)  not null,
    suspended_at          timestamp with time zone not null,
    rectification_due     timestamp with time zone,
    report                varchar(4000),
    reported_by           varchar(128),
    reported_at           timestamp with time zone,
    decision_reasons      varchar(2000),
    decided_by            varchar(128),
    closed_at             timestamp with time zone,
    process_instance_id   varchar(64)
);
create index sharing_suspension_department on sharing_suspension (department, status);
create index sharing_suspension_suspender on sharing_suspension (suspender_department);
create index sharing_suspension_process on sharing_suspension (process_instance_id);

-- The grants a suspension holds, with their provider (a party that may read the suspension).
create table sharing_suspension_grant (
    suspension_id        varchar(20)  not null references sharing_suspension (id),
    grant_id             varchar(20)  not null,
    provider_department  varchar(64)  not null,
    primary key (suspension_id, grant_id)
);
create index sharing_suspension_grant_grant on sharing_suspension_grant (grant_id);
create index sharing_suspension_grant_provider on sharing_suspension_grant (provider_department);

-- A provider's intended retirement of a resource, or change of the service active grants rely on, filed with the
-- authority after consulting every holder of an active grant (no unilateral end or change).
create table sharing_change (
    id                    varchar(20)   primary key,
    kind                  varchar(16)   not null,
    resource_code         varchar(64)   not null,
    resource_name         varchar(200)  not null,
    provider_department   varchar(64)   not null,
    reasons               varchar(2000) not null,
    effective_on          date          not null,
    status                varchar(32)   not null,
    filed_by              varchar(128)  not null,
    filed_at              timestamp with time zone not null,
    answers_due           timestamp with time zone,
    decision_reasons      varchar(2000),
    decided_by            varchar(128),
    decided_at            timestamp with time zone,
    change_made_at        timestamp with time zone,
    process_instance_id   varchar(64)
);
create index sharing_change_resource on sharing_change (resource_code, status);
create index sharing_change_provider on sharing_change (provider_department);
create index sharing_change_process on sharing_change (process_instance_id);

-- Each holder department's answer to the consultation; bound to its task by the engine's loop counter.
create table sharing_change_answer (
    filing_id    varchar(20)   not null references sharing_change (id),
    position     int           not null,
    department   varchar(64)   not null,
    grant_ids    text          not null,
    task_id      varchar(64),
    answer       varchar(16),
    reasons      varchar(2000),
    answered_by  varchar(128),
    answered_at  timestamp with time zone,
    primary key (filing_id, position)
);
create index sharing_change_answer_department on sharing_change_answer (department);
create index sharing_change_answer_task on sharing_change_answer (task_id);
