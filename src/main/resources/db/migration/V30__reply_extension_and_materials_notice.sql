-- The reply period of a sharing request under the national regulation (Art. 21): the provider's one extension, which
-- the authority approves or refuses, and the provider's one notice of missing materials, which the applicant answers
-- with a supplement. Each row is keyed by its request: one of each per request, whoever asks twice. The reply due
-- before and after each is kept, so the request's history says by how much its deadline moved and why.
create table reply_extension (
    id                  varchar(20)   primary key references sharing_request (id),
    working_days        int           not null,
    reasons             varchar(2000) not null,
    asked_by            varchar(64)   not null,
    asked_at            timestamp with time zone not null,
    decision_due        timestamp with time zone not null,
    status              varchar(16)   not null,
    decided_by          varchar(64),
    decided_at          timestamp with time zone,
    decision_reasons    varchar(2000),
    reply_due_before    timestamp with time zone not null,
    reply_due_after     timestamp with time zone,
    process_instance_id varchar(64)
);
create index reply_extension_process on reply_extension (process_instance_id);

create table materials_notice (
    id                  varchar(20)   primary key references sharing_request (id),
    items               text          not null,
    note                varchar(2000),
    sent_by             varchar(64)   not null,
    sent_at             timestamp with time zone not null,
    supplement_due      timestamp with time zone not null,
    restarts_clock      boolean       not null,
    reply_working_days  int           not null,
    working_days_left   int           not null,
    reply_due_before    timestamp with time zone not null,
    status              varchar(16)   not null,
    materials           varchar(4000),
    files               text,
    supplemented_by     varchar(64),
    supplemented_at     timestamp with time zone,
    reply_due_after     timestamp with time zone,
    process_instance_id varchar(64)
);
create index materials_notice_process on materials_notice (process_instance_id);
