-- Enterprise information exchange ("automatic change"): linked departments, registration changes,
-- the append-only change feed and the deliveries to each department.
create schema exchange;

create table exchange.department (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('local', 'national')),
  delivery_mode text not null check (delivery_mode in ('push', 'pull', 'both')),
  format text not null default 'json' check (format in ('json', 'xml')),
  endpoint_url text,
  timeout_ms integer not null default 5000,
  key_id text not null,
  secret_enc text not null,
  previous_key_id text,
  previous_secret_enc text,
  -- The department_client account whose API token reads the pull feed.
  account_id uuid,
  enabled boolean not null default true,
  mapping jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index department_account on exchange.department (account_id);

create table exchange.change_request (
  id uuid primary key default gen_random_uuid(),
  credit_code char(18) not null,
  enterprise_name text not null,
  region_code char(6) not null,
  filed_by uuid not null,
  idempotency_key text,
  contact_phone_enc text,
  items jsonb not null,
  kinds text[] not null,
  status text not null check (status in ('pending', 'approved', 'rejected')),
  auto_approved boolean not null default false,
  reason text,
  decided_by uuid,
  decided_at timestamptz,
  feed_cursor bigint,
  notify_due_at timestamptz,
  notified_at timestamptz,
  completed_at timestamptz,
  filed_at timestamptz not null,
  version integer not null default 1,
  unique (filed_by, idempotency_key)
);
create index change_status on exchange.change_request (status, region_code, filed_at);
create index change_code on exchange.change_request (credit_code, filed_at);
create index change_notify on exchange.change_request (notify_due_at) where notified_at is null and status = 'approved';

-- Append-only: the cursor is monotonic; rows are never updated or deleted.
create table exchange.change_feed (
  cursor bigserial primary key,
  change_id uuid not null,
  credit_code char(18) not null,
  fields text[] not null,
  before jsonb not null,
  snapshot jsonb not null,
  at timestamptz not null
);
create index feed_code on exchange.change_feed (credit_code, cursor);

create table exchange.delivery (
  id uuid primary key default gen_random_uuid(),
  change_id uuid not null,
  department_id uuid not null,
  feed_cursor bigint not null,
  credit_code char(18) not null,
  channel text not null check (channel in ('push', 'pull')),
  status text not null check (status in ('queued', 'sending', 'awaiting_callback', 'acknowledged', 'failed', 'dead', 'published')),
  attempts integer not null default 0,
  last_error text,
  reference text,
  queued_at timestamptz not null,
  first_attempt_at timestamptz,
  last_attempt_at timestamptz,
  acknowledged_at timestamptz,
  duration_ms integer
);
create index delivery_change on exchange.delivery (change_id);
create index delivery_department on exchange.delivery (department_id, status);
create index delivery_status on exchange.delivery (status) where status in ('failed', 'dead');

create table exchange.setting (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

create table exchange.reconciliation_run (
  id uuid primary key default gen_random_uuid(),
  at timestamptz not null,
  run_by uuid,
  checked integer not null,
  drifts jsonb not null
);
