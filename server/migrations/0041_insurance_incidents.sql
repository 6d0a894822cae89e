-- Issue 11: the per-accident limit holds across all the claims of one incident (several consumers
-- of one accident), under concurrency, as the aggregate limit does.
create table insurance.incident (
  id uuid primary key default gen_random_uuid(),
  policy_id uuid not null references insurance.policy (id),
  title text not null,
  occurred_on date not null,
  -- People injured or killed (a mass incident is ≥ 5: claim condition 4).
  people_affected integer not null default 1 check (people_affected >= 1),
  -- The policy's per-accident limit when the incident was opened, and what its claims have approved.
  limit_fen bigint not null check (limit_fen > 0),
  approved_fen bigint not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  constraint incident_within_limit check (approved_fen >= 0 and approved_fen <= limit_fen)
);
create index incident_policy on insurance.incident (policy_id, occurred_on);

alter table insurance.claim add column incident_id uuid references insurance.incident (id);
create index claim_incident on insurance.claim (incident_id);

-- Each claim approved before incidents existed stands for an incident of its own.
with legacy as (
  select c.id as claim_id, gen_random_uuid() as incident_id, c.policy_id, c.approved_fen, p.per_accident_limit_fen, c.created_at
    from insurance.claim c join insurance.policy p on p.id = c.policy_id
   where c.status in ('approved', 'paid')
), made as (
  insert into insurance.incident (id, policy_id, title, occurred_on, limit_fen, approved_fen)
  select incident_id, policy_id, '—', (created_at at time zone 'Asia/Shanghai')::date, per_accident_limit_fen, least(coalesce(approved_fen, 0), per_accident_limit_fen)
    from legacy
  returning id
)
update insurance.claim c set incident_id = l.incident_id from legacy l where c.id = l.claim_id and exists (select 1 from made m where m.id = l.incident_id);
