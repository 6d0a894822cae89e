-- Service-oriented enforcement: penalty cases (general and on-the-spot procedure), their recorded
-- steps, publicity of decisions, editable document templates, and the service and "health-check"
-- records (follow-up visits, guidance, early warnings, administrative interviews, ratings).
-- Documents themselves are platform.document rows with subject_type 'enforcement.case' or
-- 'enforcement.engagement'.
create schema enforcement;

create sequence enforcement.case_seq;

create table enforcement.case (
  id uuid primary key default gen_random_uuid(),
  case_no text not null unique,
  procedure text not null check (procedure in ('general', 'on_the_spot')),
  status text not null check (status in ('lead', 'dismissed', 'investigating', 'proposed', 'notified', 'decided', 'served', 'paid', 'closed', 'revoked')),
  source text not null check (source in ('complaint_report', 'inspection', 'transfer', 'public_proposal', 'staff', 'on_the_spot')),
  source_ref text,
  -- The outbox event a lead came from (idempotent intake).
  source_event_id text unique,
  region_code text not null,
  credit_code text,
  party_name text not null,
  party_kind text not null check (party_kind in ('person', 'organisation')),
  violation_type text,
  summary text not null default '',
  facts jsonb,
  -- The rule set (id@version) the case was proposed and decided under.
  rule_set text,
  proposal jsonb,
  decided_outcome text,
  amount_fen bigint,
  penalty text check (penalty in ('none', 'warning', 'fine')),
  outside_proposal boolean not null default false,
  deviation_reason text,
  serious boolean not null default false,
  complex boolean not null default false,
  public_interest boolean not null default false,
  hearing_right boolean not null default false,
  hearing_requested boolean not null default false,
  hearing_held boolean not null default false,
  review_required boolean not null default false,
  review_result text check (review_result in ('approved', 'rejected')),
  reviewer_id uuid,
  collective_required boolean not null default false,
  collective_done boolean not null default false,
  officer_ids uuid[] not null default '{}',
  received_on date not null,
  verification_due date,
  verification_extended boolean not null default false,
  opened_on date,
  decision_due date,
  decision_extended boolean not null default false,
  paused_days integer not null default 0,
  paused_since date,
  pause_reason text,
  decided_on date,
  served_on date,
  payment_due date,
  paid_on date,
  late_fee_fen bigint,
  closed_on date,
  revoked_on date,
  filed_on date,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index case_region_status_due on enforcement.case (region_code, status, decision_due);
create index case_credit_code on enforcement.case (credit_code);
create index case_decided_on on enforcement.case (decided_on);
create index case_created on enforcement.case (created_at desc, id desc);

-- Every step as recorded, with the server's time (never the client's).
create table enforcement.step (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  case_id uuid not null references enforcement.case(id),
  kind text not null,
  recorded_at timestamptz not null,
  actor_id uuid,
  actor_name text,
  data jsonb
);
create index step_case on enforcement.step (case_id, seq);

-- Refused attempts that supervision looks at (back-dating a step).
create table enforcement.anomaly (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  account_id uuid,
  actor_name text,
  case_id uuid,
  detail jsonb,
  at timestamptz not null
);
create index anomaly_account on enforcement.anomaly (account_id);

create table enforcement.publicity (
  case_id uuid primary key references enforcement.case(id),
  region_code text not null,
  decided_on date not null,
  publish_due date,
  period text not null check (period in ('3_months', '3_years')),
  status text not null check (status in ('pending', 'published', 'withdrawn')),
  published_on date,
  ends_on date,
  summary jsonb,
  document_id uuid,
  revoked_on date,
  withdraw_due date,
  withdrawn_on date,
  withdraw_reason text
);

-- Editable document templates (seeded from the built-in defaults on first use).
create table enforcement.template (
  kind text primary key,
  title text not null,
  body_template text not null,
  footer text not null,
  version integer not null default 1,
  updated_by uuid,
  updated_at timestamptz not null default now()
);

-- Service and "health-check" records: follow-up visits, guidance, assistance, early warnings,
-- administrative interviews.
create table enforcement.engagement (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('follow_up', 'guidance', 'assistance', 'warning', 'interview')),
  credit_code text not null,
  region_code text not null,
  case_id uuid,
  officer_id uuid,
  officer_name text,
  occurred_on date not null,
  status text not null,
  data jsonb not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index engagement_credit on enforcement.engagement (credit_code, occurred_on);
create index engagement_region on enforcement.engagement (region_code, kind, occurred_on);

-- Ratings left through an officer's service card.
create table enforcement.rating (
  id uuid primary key default gen_random_uuid(),
  officer_id uuid not null,
  score integer not null check (score between 1 and 5),
  comment text,
  created_at timestamptz not null default now()
);
create index rating_officer on enforcement.rating (officer_id);
