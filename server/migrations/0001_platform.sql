-- Platform: accounts, org units and jurisdictions, sessions, API tokens, audit chain,
-- calendar overrides, outbox, files, documents and notifications.

create table platform.org_unit (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  -- GB/T 2260 region code of the unit's jurisdiction (province 2 digits, city 4, district 6; padded to 6).
  region_code char(6) not null,
  level text not null check (level in ('province', 'city', 'district')),
  parent_id uuid references platform.org_unit(id),
  created_at timestamptz not null default now()
);

create table platform.account (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('staff', 'business', 'citizen', 'system')),
  username text not null unique,
  display_name text not null,
  password_hash text,
  roles text[] not null default '{}',
  org_unit_id uuid references platform.org_unit(id),
  -- Region prefix the account may see (e.g. '3301' for a city, '330102' for a district); null = all.
  jurisdiction text,
  phone_enc text,
  email text,
  locale text not null default 'zh-CN',
  failed_logins integer not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table platform.account_enterprise (
  account_id uuid not null references platform.account(id) on delete cascade,
  credit_code char(18) not null,
  created_at timestamptz not null default now(),
  primary key (account_id, credit_code)
);
create index account_enterprise_code on platform.account_enterprise (credit_code);

create table platform.session (
  token_hash text primary key,
  account_id uuid not null references platform.account(id) on delete cascade,
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_account on platform.session (account_id);

create table platform.api_token (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references platform.account(id) on delete cascade,
  name text not null,
  prefix text not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Append-only audit chain: each entry holds the hash of the one before it.
create table platform.audit_entry (
  seq bigint primary key,
  id uuid not null default gen_random_uuid(),
  at timestamptz not null,
  actor_id uuid,
  actor_name text,
  action text not null,
  entity_type text not null,
  entity_id text,
  ip text,
  request_id text,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_entity on platform.audit_entry (entity_type, entity_id);
create index audit_at on platform.audit_entry (at);

-- The head of the chain: one row, locked by each append so the chain stays linear.
create table platform.audit_head (
  id integer primary key check (id = 1),
  seq bigint not null,
  hash text not null
);
insert into platform.audit_head (id, seq, hash) values (1, 0, 'GENESIS');

-- Admin overrides of the working-day calendar (a new year's State Council notice, a local change).
create table platform.calendar_day (
  day date primary key,
  is_workday boolean not null,
  name text not null,
  source text not null,
  created_by uuid,
  created_at timestamptz not null default now()
);
create table platform.calendar_year (
  year integer primary key,
  source text not null,
  created_by uuid,
  created_at timestamptz not null default now()
);

-- Transactional outbox: one row per (event, handler), written in the same transaction as the change.
create table platform.outbox_event (
  id uuid primary key default gen_random_uuid(),
  seq bigserial not null unique,
  event_id uuid not null,
  topic text not null,
  handler text not null,
  ordering_key text,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'processing', 'done', 'dead')),
  attempts integer not null default 0,
  max_attempts integer not null,
  available_at timestamptz not null default now(),
  locked_at timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz not null default now(),
  processed_at timestamptz,
  unique (event_id, handler)
);
create index outbox_claim on platform.outbox_event (available_at, seq) where status = 'pending';
create index outbox_processing on platform.outbox_event (locked_at) where status = 'processing';
create index outbox_ordering on platform.outbox_event (handler, ordering_key, seq) where status in ('pending', 'processing');
create index outbox_dead on platform.outbox_event (seq) where status = 'dead';

-- Handlers record what they applied, keyed by event id, so a redelivery changes nothing.
create table platform.processed_event (
  handler text not null,
  event_id uuid not null,
  processed_at timestamptz not null default now(),
  primary key (handler, event_id)
);

create table platform.file (
  id uuid primary key default gen_random_uuid(),
  owner_account_id uuid,
  original_name text not null,
  mime text not null,
  size integer not null,
  sha256 text not null,
  storage_key text not null,
  created_at timestamptz not null default now()
);

-- Official documents: numbered per office, kind and year without gaps.
create table platform.document_counter (
  office text not null,
  kind text not null,
  year integer not null,
  last_number integer not null,
  primary key (office, kind, year)
);
create table platform.document (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  office text not null,
  year integer not null,
  number integer not null,
  doc_no text not null,
  title text not null,
  subject_type text,
  subject_id text,
  file_id uuid not null references platform.file(id),
  sha256 text not null,
  verify_code text not null unique,
  issued_by uuid,
  issued_at timestamptz not null default now(),
  revoked_at timestamptz,
  unique (office, kind, year, number)
);

create table platform.notification (
  id uuid primary key default gen_random_uuid(),
  account_id uuid,
  phone_enc text,
  email text,
  title text not null,
  body text not null,
  link text,
  data jsonb,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notification_account on platform.notification (account_id, created_at desc);

-- What the SMS/e-mail log adapter "sent" (the default adapter in demo and tests).
create table platform.message_log (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('sms', 'email')),
  recipient text not null,
  body text not null,
  event_id uuid,
  created_at timestamptz not null default now(),
  unique (event_id, channel)
);
