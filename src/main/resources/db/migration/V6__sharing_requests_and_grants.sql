-- Readable case numbers (GX-2026-000123): one counter per prefix and year, advanced under a row lock.
create table case_number (
    prefix varchar(8) not null,
    yr     int        not null,
    last   bigint     not null,
    primary key (prefix, yr)
);

-- Sharing requests (Art. 17 to 20): what a department asks of another's resource, the rules' decision, the
-- provider's reply. Lists (items, users, findings) are JSON text, as in the catalog tables.
create table sharing_request (
    id                   varchar(20)   primary key,
    resource_code        varchar(20)   not null,
    resource_version     int           not null,
    resource_name        varchar(200)  not null,
    provider_department  varchar(64)   not null,
    applicant_department varchar(64)   not null,
    requested_by         varchar(64)   not null,
    requested_at         timestamp with time zone not null,
    items                text          not null,
    purpose              varchar(1000) not null,
    duty                 text          not null,
    scenario             varchar(32)   not null,
    valid_from           date          not null,
    valid_until          date          not null,
    officials            text          not null,
    systems              text          not null,
    status               varchar(16)   not null,
    eligibility          varchar(16),
    findings             text          not null,
    rule_set_version     char(64),
    reply                text,
    reply_due            timestamp with time zone,
    reminder_at          timestamp with time zone,
    reminded             boolean       not null default false,
    overdue              boolean       not null default false,
    grant_id             varchar(20),
    process_instance_id  varchar(64),
    closed_at            timestamp with time zone
);
create index sharing_request_applicant on sharing_request (applicant_department, status);
create index sharing_request_provider on sharing_request (provider_department, status);
create index sharing_request_process on sharing_request (process_instance_id);

-- Grants (Art. 20): what a consumer department may use, for which purpose, by whom, until when.
create table sharing_grant (
    id                  varchar(20)   primary key,
    consumer_department varchar(64)   not null,
    provider_department varchar(64)   not null,
    resource_code       varchar(20)   not null,
    resource_name       varchar(200)  not null,
    items               text          not null,
    purpose             varchar(1000) not null,
    duty                text          not null,
    conditions          text          not null,
    officials           text          not null,
    systems             text          not null,
    valid_from          date          not null,
    valid_until         date          not null,
    source_type         varchar(16)   not null,
    source_id           varchar(40)   not null,
    issued_at           timestamp with time zone not null,
    status              varchar(16)   not null,
    revoked_by          varchar(128),
    revoked_at          timestamp with time zone,
    revocation_reason   varchar(2000),
    expired_at          timestamp with time zone
);
create index sharing_grant_consumer on sharing_grant (consumer_department, resource_code);
create index sharing_grant_provider on sharing_grant (provider_department);
create index sharing_grant_expiry on sharing_grant (status, valid_until);

-- Violations (Art. 33): recorded automatically (a reply or correction too late) or by the authority by hand.
-- Rectification and escalation (a later issue) follow each record through its status.
create table violation (
    id            varchar(20)   primary key,
    department    varchar(64)   not null,
    type          varchar(32)   not null,
    article       varchar(16)   not null,
    description   varchar(2000) not null,
    evidence_type varchar(32)   not null,
    evidence_id   varchar(64)   not null,
    occurred_at   timestamp with time zone not null,
    recorded_at   timestamp with time zone not null,
    source        varchar(16)   not null,
    recorded_by   varchar(128)  not null,
    status        varchar(16)   not null
);
create index violation_department on violation (department, status);
create index violation_evidence on violation (evidence_type, evidence_id);

-- Notices: what the platform tells an official or a workgroup (a reminder, an urge, an outcome).
create table notice (
    id          varchar(36)   primary key,
    recipient   varchar(128)  not null,
    kind        varchar(32)   not null,
    subject     varchar(300)  not null,
    body        varchar(2000) not null,
    object_type varchar(32),
    object_id   varchar(64),
    created_at  timestamp with time zone not null
);
create index notice_recipient on notice (recipient, created_at);
