-- National regulation (2025), Art. 22: a grant made on a resource whose data is not on the platform yet carries the
-- day by which the provider must put it there; delivery is the first data version pushed or the service registered.
alter table sharing_grant add column delivery_due timestamptz;
alter table sharing_grant add column delivered_at timestamptz;
-- the grants still waiting for their data, found by resource when it arrives and by due date by the daily detection
create index sharing_grant_awaiting_delivery on sharing_grant (resource_code) where delivery_due is not null and delivered_at is null;
create index sharing_grant_delivery_due on sharing_grant (delivery_due) where delivery_due is not null;

-- Art. 27: how the provider wants the data of a grant disposed of once it ends (absent: the platform's default text)
create table disposal_requirement (
    grant_id     varchar(20)  primary key references sharing_grant (id),
    requirements text         not null,
    stated_by    varchar(64)  not null,
    stated_at    timestamptz  not null
);

-- Art. 27: an ended grant's holder disposes of the data and attests it; one row per ended grant while the step is on
create table grant_disposal (
    grant_id            varchar(20)  primary key references sharing_grant (id),
    holder_department   varchar(64)  not null,
    provider_department varchar(64)  not null,
    ended_how           varchar(20)  not null,
    ended_at            timestamptz  not null,
    requirements        text         not null,
    due                 timestamptz  not null,
    process_instance_id varchar(64),
    status              varchar(20)  not null,
    method              text,
    done_on             date,
    note                text,
    file_name           varchar(255),
    file_type           varchar(100),
    file_size           bigint,
    file_content        bytea,
    attested_by         varchar(64),
    attested_at         timestamptz,
    violation_id        varchar(20)
);
create index grant_disposal_process on grant_disposal (process_instance_id);
