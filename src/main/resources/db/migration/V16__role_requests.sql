-- A request for a role (Art. 27), one row per role-request process: each step of the process decides from this row,
-- never from process variables, which a task completion could overwrite. Keyed by its process instance.
create table role_request (
    id                  varchar(64)   primary key,
    applicant           varchar(128)  not null,
    department          varchar(64)   not null,
    requested_role      varchar(32)   not null,
    reason              varchar(500)  not null,
    status              varchar(16)   not null,
    requested_at        timestamp with time zone not null,
    decided_by          varchar(128),
    decision_reason     varchar(500),
    decided_at          timestamp with time zone
);
create index role_request_applicant on role_request (applicant, requested_at);
