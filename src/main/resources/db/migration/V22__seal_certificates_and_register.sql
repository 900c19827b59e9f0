-- Electronic seals (Arts. 22, 23, 27; docs/seals.md). The private keys live in the key store (PKCS#12 or a hardware
-- module), never here; the database keeps every certificate the platform's roots issued, their status, the CRLs
-- published after revocations, and the register of every seal made.
create table seal_certificate (
    serial            varchar(40)   primary key,
    alias             varchar(200)  not null unique,
    owner             varchar(64)   not null,
    purpose           varchar(20)   not null,
    algorithm         varchar(8)    not null,
    subject           varchar(500)  not null,
    not_before        timestamp with time zone not null,
    not_after         timestamp with time zone not null,
    der               bytea         not null,
    status            varchar(10)   not null,
    issued_at         timestamp with time zone not null,
    revoked_at        timestamp with time zone,
    revoked_by        varchar(128),
    revocation_reason varchar(500)
);
create index seal_certificate_current on seal_certificate (owner, purpose, algorithm, issued_at desc);

create table seal_crl (
    algorithm   varchar(8)  not null,
    number      bigint      not null,
    this_update timestamp with time zone not null,
    next_update timestamp with time zone not null,
    der         bytea       not null,
    primary key (algorithm, number)
);

-- one row per seal made; the verification page finds a document's record by its hash
create table seal_record (
    id                 varchar(24)   primary key,
    document_hash      varchar(64)   not null,
    kind               varchar(32)   not null,
    format             varchar(8)    not null,
    algorithm          varchar(8)    not null,
    department         varchar(64)   not null,
    seal_id            varchar(64)   not null,
    certificate_serial varchar(40)   not null references seal_certificate (serial),
    subject            varchar(256),
    title              varchar(500),
    sealed_by          varchar(128)  not null,
    sealed_at          timestamp with time zone not null
);
create index seal_record_hash on seal_record (document_hash);
create index seal_record_subject on seal_record (subject);
create sequence seal_record_number;

-- the platform's time-stamping authority numbers its tokens from here, so that two nodes never reuse a serial
create sequence tsa_serial;
