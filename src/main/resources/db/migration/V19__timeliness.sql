-- Timeliness (Art. 24, 28): the reminders sent to providers whose data is behind its update cycle or whose service
-- fails, one per lateness episode (a hosted resource's last version; the first day of a service's unavailable run),
-- so that running the daily round twice, or on two nodes, reminds once.
create table timeliness_reminder (
    resource_code varchar(20)  not null,
    concern       varchar(16)  not null,
    episode       varchar(40)  not null,
    provider      varchar(64)  not null,
    reminded_on   date         not null,
    reminded_at   timestamp with time zone not null,
    primary key (resource_code, concern, episode)
);

-- A resource's reads and pushes by resource and time: a day's successful calls to a provider's service, and the
-- audit event of a resource's last push, found without reading the whole trail.
create index audit_event_resource_activity on audit_event (object_id, action, occurred_at)
    where action in ('DATA_ACCESSED', 'DATA_PUSHED');
-- Failed requests by time: a day's failed calls to providers' services (few among all events).
create index audit_event_failed_requests on audit_event (occurred_at) where action = 'REQUEST_FAILED';
