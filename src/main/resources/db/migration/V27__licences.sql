-- Electronic certificates, 电子证照 (Art. 22; docs/licences.md): a provider issues one from a record of its hosted
-- data; the platform keeps the sealed document, its seal and PDF, and its status, which anyone may look up by number.
create table licence (
    number        varchar(40)   primary key,
    resource_code varchar(32)   not null,
    issuer        varchar(64)   not null,
    title         varchar(100)  not null,
    holder        varchar(500)  not null,
    data_version  integer       not null,
    record_hash   varchar(64)   not null,
    items         text          not null,
    document      bytea         not null,
    seal          bytea         not null,
    seal_format   varchar(8)    not null,
    pdf           bytea,
    seal_records  text          not null,
    status        varchar(10)   not null check (status in ('VALID', 'REVOKED')),
    issued_by     varchar(128)  not null,
    issued_at     timestamp with time zone not null,
    revoked_at    timestamp with time zone,
    revoked_by    varchar(128),
    reason        varchar(500)
);
create index licence_issuer on licence (issuer, resource_code, issued_at desc);
-- the 7-digit sequence of every licence number, across providers and years
create sequence licence_number;
