-- Nothing that connects through the application may change or remove an audit event.
create trigger audit_event_no_update_or_delete before update, delete on audit_event
    for each row call 'org.govshare.audit.AppendOnlyTrigger';
