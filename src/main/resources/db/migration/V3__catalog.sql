-- Each department numbers its catalog entries in its own 3-digit range (the code's part after the slash).
alter table department add column catalog_range varchar(3);

-- Submissions: a new entry, a change or a retirement on its way through catalog review.
create table catalog_submission (
    id                  varchar(36)   primary key,
    code                varchar(20)   not null,
    kind                varchar(16)   not null,
    department          varchar(64)   not null,
    submitted_by        varchar(64)   not null,
    submitted_at        timestamp with time zone not null,
    status              varchar(16)   not null,
    content             text          not null,
    findings            text          not null,
    review_comment      varchar(2000),
    reviewed_by         varchar(64),
    process_instance_id varchar(64),
    overdue             boolean       not null default false,
    updated_at          timestamp with time zone not null
);
create index catalog_submission_code on catalog_submission (code);

-- Published versions: immutable; earlier versions stay readable.
create table catalog_version (
    code          varchar(20)  not null,
    version       int          not null,
    change_kind   varchar(16)  not null,
    content       text         not null,
    published_at  timestamp with time zone not null,
    approved_by   varchar(64)  not null,
    submission_id varchar(36)  not null,
    primary key (code, version)
);

-- The sharing catalog (Art. 16): the current version of every published resource, shaped for searching.
create table catalog_resource (
    code                varchar(20)  primary key,
    status              varchar(16)  not null,
    current_version     int          not null,
    name                varchar(200) not null,
    provider_department varchar(64)  not null,
    kind                varchar(16)  not null,
    sharing_type        varchar(16)  not null,
    update_cycle        varchar(16)  not null,
    tier                varchar(16)  not null,
    region_code         varchar(6)   not null,
    search_text         text         not null,
    updated_at          timestamp with time zone not null
);
create index catalog_resource_provider on catalog_resource (provider_department);

-- The data items of current published versions, for the collect-once check (Art. 9) and needs matching.
create table catalog_item (
    code      varchar(20)  not null,
    name_norm varchar(200) not null,
    type_norm varchar(50)  not null,
    primary key (code, name_norm, type_norm)
);
create index catalog_item_name on catalog_item (name_norm);

-- Sharing needs (Art. 15): what a department needs and nobody offers yet.
create table sharing_need (
    id           varchar(36)   primary key,
    department   varchar(64)   not null,
    recorded_by  varchar(64)   not null,
    recorded_at  timestamp with time zone not null,
    description  varchar(2000) not null,
    wanted_items text          not null,
    purpose      varchar(1000) not null,
    legal_duty   varchar(1000) not null,
    status       varchar(16)   not null
);
