-- Art. 19, 20: a masked item may still be matched exactly when the provider names it a verification key (an identity
-- check against a number the consumer already holds); the answer keeps it masked. JSON list; empty: none.
alter table sharing_grant add column verification_keys text default '[]' not null;

-- Art. 21: a consumer sees "under verification" on its own reports only, and on those the provider publishes.
alter table error_report add column published boolean default false not null;
-- and only on reads under the grant it reported under: another grant's rows must not be joined to that one's
alter table error_report add column grant_id varchar(20);
