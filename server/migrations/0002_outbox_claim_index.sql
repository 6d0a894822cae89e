-- Workers claim pending rows in sequence order: index exactly that, so the claim never walks the
-- finished rows (the table keeps them for history).
drop index if exists platform.outbox_claim;
create index outbox_pending_seq on platform.outbox_event (seq) where status = 'pending';
