-- GB/T 38540 department seals (docs/seals.md): each row one SESeal the platform made as seal maker, for one
-- department and algorithm, listing the department's seal certificate. Revoked seals stay, so that a verification
-- can still say a seal was revoked.
create table department_seal (
    es_id              varchar(32)   primary key,
    department         varchar(64)   not null,
    algorithm          varchar(8)    not null,
    certificate_serial varchar(40)   not null references seal_certificate (serial),
    valid_start        timestamp with time zone not null,
    valid_end          timestamp with time zone not null,
    made_at            timestamp with time zone not null,
    der                bytea         not null,
    revoked_at         timestamp with time zone,
    revoked_by         varchar(128),
    revocation_reason  varchar(500),
    check (valid_end > valid_start)
);
create index department_seal_current on department_seal (department, algorithm, made_at desc);
create sequence department_seal_number;
