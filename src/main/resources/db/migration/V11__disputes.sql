-- Disputes (Art. 18): an applicant department contests a refusal, or the narrowing or conditions of an approval, and
-- the sharing authority coordinates and rules. open_for_request holds the request's number while the dispute is open
-- and is cleared when it closes: the unique constraint keeps one open dispute per request (NULLs do not collide).
create table dispute (
    id                   varchar(20)   primary key,
    request_id           varchar(20)   not null,
    open_for_request     varchar(20)   unique,
    applicant_department varchar(64)   not null,
    provider_department  varchar(64)   not null,
    filed_by             varchar(64)   not null,
    filed_at             timestamp with time zone not null,
    claim                text          not null,
    status               varchar(16)   not null,
    statement_due        timestamp with time zone,
    applicant_statement  text,
    provider_statement   text,
    applicant_missed     boolean       not null default false,
    provider_missed      boolean       not null default false,
    meetings             text          not null,
    ruling               text,
    grant_id             varchar(20),
    process_instance_id  varchar(64),
    closed_at            timestamp with time zone
);
create index dispute_request on dispute (request_id);
create index dispute_applicant on dispute (applicant_department, status);
create index dispute_provider on dispute (provider_department, status);
create index dispute_process on dispute (process_instance_id);
