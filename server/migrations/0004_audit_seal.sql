-- The audit log without a global lock: writers append entries numbered by a sequence; a sealer
-- (in the worker) chains them in order in the background and signs checkpoints of the head with a
-- key kept outside the database.
alter table platform.audit_entry alter column prev_hash drop not null;
alter table platform.audit_entry alter column hash drop not null;
-- Position in the hash chain, given by the sealer (null while the entry awaits sealing).
alter table platform.audit_entry add column chain_pos bigint;
update platform.audit_entry set chain_pos = seq;
create unique index audit_chain_pos on platform.audit_entry (chain_pos);
create index audit_unsealed on platform.audit_entry (seq) where chain_pos is null;

create sequence platform.audit_entry_seq;
select setval('platform.audit_entry_seq', coalesce((select max(seq) from platform.audit_entry), 0) + 1, false);
alter table platform.audit_entry alter column seq set default nextval('platform.audit_entry_seq');

-- Signed checkpoints of the chain head (Ed25519 over "xingfeng-audit:v1:<pos>:<hash>:<at>").
create table platform.audit_checkpoint (
  chain_pos bigint primary key,
  hash text not null,
  signed_at timestamptz not null,
  key_id text not null,
  signature text not null
);
