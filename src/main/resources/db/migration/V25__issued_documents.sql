-- What the sharing authority issues (Art. 22, 23): dispute rulings, rectification notices, public criticisms and the
-- annual assessment report. Each is stored once, as the sealed PDF it was issued as, and served as stored: a download
-- is never made again from the case, so what a party holds and what the platform serves are the same bytes. One
-- document per kind and subject (the case number, the violation, the year); nothing changes or removes one.
create table issued_document (
    id          bigint generated always as identity primary key,
    kind        varchar(32)  not null,
    subject     varchar(64)  not null,
    title       varchar(200) not null,
    register_id varchar(64)  not null,
    sealed_pdf  bytea        not null,
    issued_at   timestamp with time zone not null,
    unique (kind, subject)
);

create function issued_document_is_unchangeable() returns trigger language plpgsql as $$
begin
    raise exception 'an issued document is unchangeable: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger issued_document_no_update_or_delete
    before update or delete on issued_document
    for each row execute function issued_document_is_unchangeable();

create trigger issued_document_no_truncate
    before truncate on issued_document
    for each statement execute function issued_document_is_unchangeable();
