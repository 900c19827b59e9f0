-- The rule pack every process instance was opened under (P11): a case keeps the deadlines it was given, and this
-- says under which regulation, in which version, it was opened. Written by the engine's start listener, once.
create table case_rule_pack (
    process_instance_id varchar(64)  primary key,
    process_key         varchar(255) not null,
    business_key        varchar(255),
    pack                varchar(64)  not null,
    pack_version        varchar(80)  not null,
    opened_at           timestamptz  not null
);
create index case_rule_pack_business_key on case_rule_pack (business_key);
