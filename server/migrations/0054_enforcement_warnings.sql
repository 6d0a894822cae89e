-- Computed early warnings (体检式监管, issue 11): the enforcement module's own copy of the complaints
-- filed against enterprises (fed by the complaints.complaint-filed event, never read across schemas),
-- a small permit register (licences and permits with their expiry), the signals computed from them
-- and from enforcement's own cases, and the warnings issued to businesses with their acknowledgement.

create table enforcement.complaint_signal (
  complaint_id uuid primary key,
  event_id text not null,
  kind text not null check (kind in ('complaint', 'report')),
  credit_code text,
  region_code text,
  category text,
  filed_on date not null,
  received_at timestamptz not null default now()
);
create index complaint_signal_credit on enforcement.complaint_signal (credit_code, filed_on);

create table enforcement.permit (
  id uuid primary key default gen_random_uuid(),
  credit_code text not null,
  region_code text not null,
  permit_type text not null,
  permit_no text not null,
  issued_on date,
  expires_on date not null,
  created_at timestamptz not null default now(),
  unique (permit_type, permit_no)
);
create index permit_credit on enforcement.permit (credit_code);
create index permit_expiry on enforcement.permit (expires_on);

-- One current signal per enterprise and rule, recomputed daily and on each consumed event.
create table enforcement.risk_signal (
  id uuid primary key default gen_random_uuid(),
  credit_code text not null,
  region_code text not null,
  enterprise_name text not null,
  rule text not null check (rule in ('complaints_rising', 'permit_expiring', 'repeat_findings')),
  rule_version text not null,
  detail jsonb not null,
  computed_on date not null,
  status text not null check (status in ('open', 'warned', 'cleared')),
  warning_id uuid,
  unique (credit_code, rule)
);
create index risk_signal_region on enforcement.risk_signal (region_code, status);

-- A warning issued to a business (提醒告诫书 / 风险提示函) and its acknowledgement.
create table enforcement.warning (
  id uuid primary key default gen_random_uuid(),
  credit_code text not null,
  region_code text not null,
  enterprise_name text not null,
  signals jsonb not null,
  content text not null,
  status text not null check (status in ('issued', 'acknowledged')),
  issued_by uuid,
  issued_by_name text,
  issued_on date not null,
  issued_at timestamptz not null,
  acknowledge_due date not null,
  document_id uuid,
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  acknowledged_by_name text,
  acknowledgement_note text,
  version integer not null default 1
);
create index warning_credit on enforcement.warning (credit_code, issued_on);
create index warning_region on enforcement.warning (region_code, status);
