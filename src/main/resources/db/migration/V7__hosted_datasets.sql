-- Hosted datasets (Art. 10, 11): records a provider pushes to the platform, in versions. See docs/datasets.md.

-- One row per resource ever pushed to: the current version (0 until a first push commits) and how many records it
-- holds. A push locks this row, so pushes to one resource take turns; readers never wait for it.
create table hosted_dataset (
    resource_code   varchar(20) primary key,
    current_version int         not null,
    record_count    bigint      not null
);

-- Every accepted push (Art. 24: update timeliness is measured from these). Kept for good.
create table dataset_version (
    resource_code varchar(20)  not null references hosted_dataset (resource_code),
    version       int          not null,
    created_at    timestamp with time zone not null,
    pushed_by     varchar(128) not null,
    mode          varchar(8)   not null,
    added         bigint       not null,
    changed       bigint       not null,
    removed       bigint       not null,
    total         bigint       not null,
    primary key (resource_code, version)
);

-- The current records. record_key is the normalised key (the key items' canonical text, joined by U+001F when
-- there are several): exact key lookups and paging in key order use the primary key. content is the record as
-- canonical JSON (items in catalog order), content_hash its SHA-256, so an UPSERT tells changed from unchanged
-- without reading content. changed_in is the version that last added or changed the record; pushed_in the last
-- push that carried it (a REPLACE removes what its push did not carry; a key met twice in one push is a duplicate).
create table dataset_record (
    resource_code varchar(20)  not null,
    record_key    varchar(256) not null,
    content       text         not null,
    content_hash  char(64)     not null,
    changed_in    int          not null,
    pushed_in     int          not null,
    primary key (resource_code, record_key)
);

-- Typed values for filters, one row per record and item for items of a non-text type (integer and decimal in
-- number_value; date and datetime in time_value, a date as its first instant in UTC; boolean in text_value) and
-- for each part of a composite key (text_value). Plain columns rather than JSON, so the same SQL and indexes serve
-- H2 and PostgreSQL.
create table dataset_value (
    resource_code varchar(20)     not null,
    record_key    varchar(256)    not null,
    item          varchar(200)    not null,
    text_value    varchar(256),
    number_value  numeric(38, 16),
    time_value    timestamp with time zone,
    primary key (resource_code, record_key, item),
    foreign key (resource_code, record_key) references dataset_record (resource_code, record_key) on delete cascade
);
create index dataset_value_text on dataset_value (resource_code, item, text_value);
create index dataset_value_number on dataset_value (resource_code, item, number_value);
create index dataset_value_time on dataset_value (resource_code, item, time_value);
