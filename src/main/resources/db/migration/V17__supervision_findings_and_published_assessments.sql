-- Supervision (Art. 31-33). A violation now names its subject (the case, resource or grant it is about) and the day
-- the act happened on (for a continuing act, the day it began), so that whatever records it twice (the deadline
-- timer, the daily detection, a second node) records it once. A statistical finding is SUSPECTED until the authority
-- confirms (OPEN) or dismisses it (DISMISSED, with reasons).
alter table violation add column subject varchar(128);
alter table violation add column occurred_on date;
alter table violation add column rule varchar(300);
alter table violation add column evidence text default '[]' not null;
alter table violation add column decided_by varchar(128);
alter table violation add column decided_at timestamp with time zone;
alter table violation add column decision_reason varchar(2000);
alter table violation alter column source type varchar(16);

update violation set subject = evidence_id, occurred_on = (occurred_at at time zone 'Asia/Shanghai')::date;
alter table violation alter column subject set not null;
alter table violation alter column occurred_on set not null;
create unique index violation_once_a_day on violation (department, type, subject, occurred_on);

-- The published annual assessment (Art. 31): one per year, stored as it was published and never changed; its
-- SHA-256 is audited when it is published.
create table assessment_report (
    year          integer       primary key,
    report        text          not null,
    sha256        varchar(64)   not null,
    published_at  timestamp with time zone not null,
    published_by  varchar(128)  not null
);

create function assessment_report_is_unchangeable() returns trigger language plpgsql as $$
begin
    raise exception 'a published assessment is unchangeable: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger assessment_report_no_update_or_delete
    before update or delete on assessment_report
    for each row execute function assessment_report_is_unchangeable();
