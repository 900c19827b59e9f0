-- Violation detection (Art. 33). A SUSPECTED violation is reviewed by the sharing authority in a case of its own,
-- keyed by the violation it reviews: AWAITING_DECISION until the authority confirms (CONFIRMED) or dismisses it
-- (DISMISSED).
create table violation_review (
    id                  varchar(20)   primary key references violation (id),
    department          varchar(64)   not null,
    process_instance_id varchar(64),
    status              varchar(20)   not null,
    opened_at           timestamp with time zone not null,
    closed_at           timestamp with time zone
);
create index violation_review_process on violation_review (process_instance_id);

-- The daily figures read one day of refused data reads out of the audit trail: an index of the refusals alone keeps
-- that a short range scan however many reads were audited.
create index audit_event_access_denied on audit_event (occurred_at) where action = 'ACCESS_DENIED';

-- Replies past due are looked for by their deadline.
create index sharing_request_reply_due on sharing_request (reply_due) where reply_due is not null;
create index error_report_verification_due on error_report (verification_due) where verification_due is not null;
