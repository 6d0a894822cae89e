-- Tracked obligations: every date the product promises (a 回访函 visit, a mediation follow-up, a
-- reporter told within 5 working days …) with its owner, office, due date on the working-day
-- calendar, alerts, escalation and fulfilment. One obligation per (kind, subject).
create table platform.obligation (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  subject_type text not null,
  subject_id uuid not null,
  title text not null,
  link text,
  owner_id uuid,
  region_code text,
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'fulfilled', 'cancelled')),
  alerted_on date,
  escalated_on date,
  fulfilled_on date,
  fulfilled_by uuid,
  fulfilment_note text,
  created_at timestamptz not null default now(),
  unique (kind, subject_type, subject_id)
);
create index obligation_open_due on platform.obligation (status, due_on);
create index obligation_owner on platform.obligation (owner_id, status);
