-- The official holiday schedules the sharing authority loaded at run time (PUT /api/calendar/{year}), one row per
-- year; a row overrides the packaged file calendar/cn-YYYY.yaml of its year. Who loaded it and when is also in the
-- audit trail (CALENDAR_LOADED), with every earlier load of the year.
create table working_calendar (
    calendar_year int          primary key,
    schedule      text         not null,
    loaded_by     varchar(128) not null,
    loaded_at     timestamp with time zone not null
);
