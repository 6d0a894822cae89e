-- Enterprise register: every module refers to enterprises by their 统一社会信用代码.
create schema registry;

create table registry.enterprise (
  credit_code char(18) primary key,
  name text not null,
  -- Simplified, lower-cased, space-free name: Simplified and Traditional searches meet here.
  name_key text not null,
  -- Character bigrams of name_key for an index that works for Chinese text in any locale.
  name_grams text[] not null,
  type text not null,
  legal_rep_name text not null,
  legal_rep_id_enc text,
  legal_rep_id_masked text,
  registered_capital_fen bigint not null default 0,
  address text not null,
  region_code char(6) not null,
  industry_code text not null,
  business_scope text not null default '',
  investors jsonb not null default '[]',
  phone_enc text,
  status text not null default 'active' check (status in ('active', 'deregistered', 'revoked', 'moved_out')),
  established_on date not null,
  approved_on date,
  deregistered_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprise_region on registry.enterprise (region_code, credit_code);
create index enterprise_name_grams on registry.enterprise using gin (name_grams);
create index enterprise_status on registry.enterprise (status);

create table registry.import_job (
  id uuid primary key default gen_random_uuid(),
  status text not null check (status in ('validating', 'rejected', 'importing', 'done', 'failed')),
  file_name text not null,
  skip_errors boolean not null,
  total integer not null default 0,
  valid integer not null default 0,
  processed integer not null default 0,
  imported integer not null default 0,
  skipped integer not null default 0,
  errors jsonb not null default '[]',
  rows jsonb,
  created_by uuid,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
