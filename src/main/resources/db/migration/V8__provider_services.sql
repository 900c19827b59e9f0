-- Provider services (Art. 10, 11): the HTTP service a provider registers for a resource it shares at home; the
-- platform calls it on a consumer's behalf. One registration per resource; a new one replaces it.
-- credential_secret is the password (BASIC) or token (BEARER, HEADER) sealed with AES-256-GCM under the key of
-- govshare.secrets.key: "v1.<key id>.<base64 of IV, ciphertext and tag>". The plaintext is never stored.
create table provider_service (
    resource_code        varchar(20)   primary key,
    provider_department  varchar(64)   not null references department (code),
    url                  varchar(2000) not null,
    parameters           text          not null,
    timeout_millis       int           not null,
    credential_type      varchar(16)   not null,
    credential_username  varchar(200),
    credential_header    varchar(100),
    credential_secret    text,
    registered_by        varchar(64)   not null,
    registered_at        timestamp with time zone not null
);
create index provider_service_department on provider_service (provider_department);
