-- Registered systems: a department's own applications, calling the platform machine to machine as themselves.
-- Only a hash of the current client secret is kept; the secret itself is shown once, when issued.
create table registered_system (
    client_id         varchar(16)   primary key,
    name              varchar(100)  not null,
    contact           varchar(200)  not null,
    department        varchar(64)   not null references department (code),
    status            varchar(16)   not null,
    secret_hash       varchar(64)   not null,
    secret_issued_at  timestamp with time zone not null,
    created_by        varchar(64)   not null,
    created_at        timestamp with time zone not null,
    revoked_by        varchar(64),
    revoked_at        timestamp with time zone,
    revocation_reason varchar(2000)
);
create index registered_system_department on registered_system (department);
