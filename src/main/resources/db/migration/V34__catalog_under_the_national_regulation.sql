-- The catalog under the national regulation of 2025, each part switched on by the rule pack.

-- Art. 13: a submission records its secrecy-risk and personal-information impact assessments (one row each, with
-- the file), and its department head's approval before it reaches the authority. What the API shows of the
-- assessments is JSON text on the submission, as its content is; the files' bytes are kept beside it.
alter table catalog_submission add column assessments text not null default '[]';
create table catalog_submission_assessment (
    submission_id varchar(36)  not null references catalog_submission (id),
    kind          varchar(32)  not null,
    file_name     varchar(255) not null,
    file_type     varchar(100) not null,
    file_content  bytea        not null,
    primary key (submission_id, kind)
);
alter table catalog_submission add column head_decision varchar(16);
alter table catalog_submission add column head_by varchar(64);
alter table catalog_submission add column head_at timestamp with time zone;
alter table catalog_submission add column head_comment varchar(2000);

-- Art. 17: a change of law or duties a department records; it must update its catalog by due_at (extended once
-- with the authority's consent). The submissions that answer it are linked.
create table catalog_change (
    id                   varchar(36)   primary key,
    department           varchar(64)   not null,
    basis                varchar(500)  not null,
    description          varchar(2000) not null,
    effective_on         date          not null,
    recorded_by          varchar(64)   not null,
    recorded_at          timestamp with time zone not null,
    due_at               timestamp with time zone not null,
    status               varchar(16)   not null,
    extension_reason     varchar(2000),
    extension_decision   varchar(16),
    extension_decided_by varchar(64),
    answered_at          timestamp with time zone,
    overdue              boolean       not null default false,
    process_instance_id  varchar(64),
    updated_at           timestamp with time zone not null
);
create index catalog_change_department on catalog_change (department);
create index catalog_change_process on catalog_change (process_instance_id);

create table catalog_change_submission (
    change_id     varchar(36) not null references catalog_change (id),
    submission_id varchar(36) not null references catalog_submission (id),
    primary key (change_id, submission_id)
);

-- Art. 19: the source department (数源部门) the authority names for a published resource, by hand or by the
-- ruling of a collection consultation.
create table catalog_source_department (
    code            varchar(20)   primary key,
    department      varchar(64)   not null,
    basis           varchar(2000) not null,
    consultation_id varchar(20),
    named_by        varchar(64)   not null,
    named_at        timestamp with time zone not null
);
