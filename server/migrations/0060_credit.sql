-- Credit supervision (信用监管): credit records, repair applications, national-system syncs,
-- risk classes, annual reports. Rules: docs/ARCHITECTURE.md (credit) and server/src/modules/credit/domain.
create schema credit;

-- One credit record: a penalty publicity (from enforcement's events), an abnormal-operations listing
-- (经营异常名录) or a serious-violation listing (严重违法失信名单).
create table credit.record (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('penalty', 'abnormal', 'serious')),
  source_ref text not null,
  credit_code text not null,
  region_code text not null,
  party_name text not null,
  severity text not null check (severity in ('minor', 'general', 'serious')),
  case_no text,
  document_no text,
  issuing_office text not null,
  legal_basis text not null,
  grounds text not null,
  violation_type text,
  penalty_kind text not null default 'fine',
  amount_fen bigint not null default 0,
  fine_paid boolean not null default true,
  decided_on date not null,
  published_on date not null,
  repairable_from date,
  ends_on date not null,
  status text not null default 'published' check (status in ('published', 'repaired', 'expired', 'withdrawn', 'removed')),
  status_on date,
  gsxt_state text not null default 'published',
  ccn_state text not null default 'published',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (kind, source_ref)
);
create index credit_record_code on credit.record (credit_code);
create index credit_record_due on credit.record (status, ends_on);

-- A repair application (信用修复申请) for one record.
create table credit.application (
  id uuid primary key default gen_random_uuid(),
  record_id uuid not null references credit.record (id),
  credit_code text not null,
  office_region text not null,
  applicant_id uuid,
  idempotency_key text not null unique,
  status text not null check (status in ('submitted', 'accepted', 'verifying', 'approved', 'refused', 'repaired')),
  measures text not null,
  commitment_signer text not null,
  commitment_version text not null,
  proofs jsonb not null default '[]',
  verification jsonb,
  accept_due date not null,
  decide_due date,
  refusal_reason text,
  decision_note text,
  submitted_on date not null,
  decided_on date,
  repaired_on date,
  timeline jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create unique index credit_application_open on credit.application (record_id) where status in ('submitted', 'accepted', 'verifying', 'approved');
create index credit_application_code on credit.application (credit_code);

-- The national publicity systems (国家企业信用信息公示系统, 信用中国) and where they are reached.
create table credit.national_system (
  code text primary key check (code in ('gsxt', 'ccn')),
  name text not null,
  endpoint_url text,
  secret text not null
);
insert into credit.national_system (code, name, endpoint_url, secret) values
  ('gsxt', '国家企业信用信息公示系统', null, md5(random()::text) || md5(random()::text)),
  ('ccn', '信用中国', null, md5(random()::text) || md5(random()::text));

-- One push of a record's change to one national system, with its acknowledgement.
create table credit.sync (
  id uuid primary key default gen_random_uuid(),
  record_id uuid not null references credit.record (id),
  application_id uuid references credit.application (id),
  system text not null check (system in ('gsxt', 'ccn')),
  action text not null check (action in ('repair', 'expire')),
  state text not null default 'pending' check (state in ('pending', 'confirmed', 'failed')),
  attempts integer not null default 0,
  last_error text,
  reference text,
  confirmed_at timestamptz,
  unique (record_id, system, action)
);

-- The internal risk class of each enterprise (never public).
create table credit.risk_class (
  credit_code text primary key,
  region_code text not null,
  risk_class text not null,
  score integer not null,
  rules_version text not null,
  factors jsonb not null default '[]',
  computed_at timestamptz not null
);

-- The monthly risk-class batch, with progress.
create table credit.batch_run (
  id uuid primary key default gen_random_uuid(),
  period text not null unique,
  status text not null check (status in ('running', 'done', 'failed')),
  total integer not null default 0,
  done integer not null default 0,
  changed integer not null default 0,
  cursor text,
  started_at timestamptz not null,
  finished_at timestamptz
);

-- Annual reports (企业年度报告).
create table credit.annual_report (
  id uuid primary key default gen_random_uuid(),
  credit_code text not null,
  year integer not null,
  filed_on date not null,
  late boolean not null default false,
  public_data jsonb not null,
  private_data jsonb not null,
  unique (credit_code, year)
);

-- Inbound notices from 信用中国 (mutual recognition), each applied once.
create table credit.inbound_notice (
  notice_id text primary key,
  record_id uuid,
  received_at timestamptz not null
);
