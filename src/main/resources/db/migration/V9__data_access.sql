-- Art. 19: the sensitive items a grant lets its consumer see unmasked (JSON list; empty: all masked).
alter table sharing_grant add column unmasked_items text default '[]' not null;

-- Reads refused for going over a grant's rate limit, per grant and day: where the violation detector looks for
-- bulk scraping (Art. 33 v).
create table access_throttle (
    grant_id varchar(20) not null,
    on_day   date        not null,
    refused  bigint      not null,
    primary key (grant_id, on_day)
);
