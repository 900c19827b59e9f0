-- National regulation of 2025, Art. 28: who coordinates a dispute (the same-level authority, or the common higher
-- one across tiers or regions), and a ruling a side does not accept taken to that authority's people's government,
-- whose decision is final. Null under a pack without the step cross-level-disputes.
alter table dispute add column coordination text;
alter table dispute add column escalation_due timestamp with time zone;
alter table dispute add column escalation text;
alter table dispute add column government_decision text;

-- Art. 37: a complaint of a citizen or an organisation, lodged by the official who received it. The complainant's
-- name and contact are personal data: sealed (AES-GCM, platform.secrets, bound to the complaint's number) in
-- public_complainant_sealed; the masked forms are what everyone but the authority handling it reads.
alter table complaint add column public_complainant_kind varchar(16);
alter table complaint add column public_complainant_masked text;
alter table complaint add column public_complainant_sealed text;
