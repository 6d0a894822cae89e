-- Assured-consumption insurance (放心消费险): the city's policies and the consumers' claims.
create schema insurance;

create table insurance.policy (
  id uuid primary key default gen_random_uuid(),
  year integer not null,
  policy_no text not null unique,
  insurer text not null,
  premium_fen bigint not null check (premium_fen >= 0),
  aggregate_limit_fen bigint not null check (aggregate_limit_fen > 0),
  per_accident_limit_fen bigint not null check (per_accident_limit_fen > 0),
  purchase_cap_fen bigint not null check (purchase_cap_fen > 0),
  covered_regions jsonb not null,
  categories jsonb not null,
  starts_on date not null,
  ends_on date not null,
  paid_fen bigint not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  -- The aggregate limit holds even if a bug skipped the conditional update.
  constraint policy_within_aggregate check (paid_fen >= 0 and paid_fen <= aggregate_limit_fen)
);

create table insurance.claim (
  id uuid primary key default gen_random_uuid(),
  claim_no text not null unique,
  policy_id uuid not null references insurance.policy (id),
  complaint_id uuid not null,
  tracking_no text not null,
  channel text not null check (channel in ('online', 'offline')),
  claimant_name text not null,
  claimant_phone_enc text not null,
  region_code char(6),
  category text not null,
  purchase_fen bigint not null,
  claimed_fen bigint not null check (claimed_fen > 0),
  loss_description text not null,
  status text not null default 'submitted' check (status in ('submitted', 'approved', 'paid', 'refused')),
  conditions jsonb not null,
  evidence jsonb not null default '[]',
  liability text,
  claim_basis text,
  approved_fen bigint,
  refusal_reason text,
  payout_ref text,
  reviewed_by text,
  approved_at timestamptz,
  paid_at timestamptz,
  refused_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index claim_one_open_per_complaint on insurance.claim (complaint_id) where status <> 'refused';
create index claim_status on insurance.claim (status, created_at);
