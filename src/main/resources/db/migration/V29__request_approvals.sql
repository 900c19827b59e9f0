-- Art. 20 and 21 of the national regulation: a request may wait for its own head's approval, the authority's
-- conformity check and the provider's head, which the statuses now name (longer than 16 characters); and the reply
-- deadline the eligibility rules chose is kept until the request reaches the provider, whose clock starts then.
alter table sharing_request alter column status type varchar(32);
alter table sharing_request add column reply_deadline varchar(64);
