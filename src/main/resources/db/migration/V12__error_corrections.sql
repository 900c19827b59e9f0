-- Art. 21, 24: a consumer reports wrong shared data; the authority triages, the provider verifies and corrects or
-- explains. The evidence (a PDF or image) is kept with the report.
create table error_report (
    id                  varchar(20)  primary key,
    process_instance_id varchar(64),
    resource_code       varchar(40)  not null,
    resource_name       varchar(300) not null,
    provider_department varchar(64)  not null,
    reporter_department varchar(64)  not null,
    reported_by         varchar(64)  not null,
    reported_at         timestamp    not null,
    data_version        integer      not null,
    record_key          varchar(300) not null,
    key_values          text         not null,
    item                varchar(100) not null,
    problem             varchar(2000) not null,
    proposed            varchar(2000),
    evidence_name       varchar(255) not null,
    evidence_type       varchar(100) not null,
    evidence_size       bigint       not null,
    evidence            bytea        not null,
    status              varchar(20)  not null,
    triaged_by          varchar(64),
    triage_reasons      varchar(2000),
    verification_due    timestamp,
    reminder_at         timestamp,
    reminded            boolean      default false not null,
    overdue             boolean      default false not null,
    outcome             varchar(20),
    answered_by         varchar(64),
    answer_reasons      varchar(2000),
    corrected_version   integer,
    closed_at           timestamp
);
create index error_report_open on error_report (resource_code, status);
create index error_report_reporter on error_report (reporter_department);
create index error_report_provider on error_report (provider_department);
create unique index error_report_process on error_report (process_instance_id);
