-- Inspections (issue 13): double-random, one-public inspections (双随机、一公开), joint visits by
-- industry (一业一查), the public's order (点单) and published videos. Forward only.
create schema inspections;

-- 一单: the departments taking part and their random-inspection items, grouped by industry field.
create table inspections.department (
  code text primary key,
  name text not null
);

create table inspections.industry_field (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  -- GB/T 4754-2017 codes (any level) the field covers, as a jsonb array of strings.
  industry_codes jsonb not null default '[]',
  created_at timestamptz not null default now()
);

create table inspections.item (
  id uuid primary key default gen_random_uuid(),
  field_id uuid not null references inspections.industry_field (id),
  department_code text not null references inspections.department (code),
  name text not null,
  legal_basis text not null,
  method text not null default '现场检查',
  created_at timestamptz not null default now()
);
create index item_field_idx on inspections.item (field_id);

-- 两库 (1): target directories and their enterprises (names copied from the register when added).
create table inspections.directory (
  id uuid primary key default gen_random_uuid(),
  field_id uuid not null references inspections.industry_field (id),
  department_code text references inspections.department (code),
  name text not null,
  region_code text not null,
  created_at timestamptz not null default now()
);

create table inspections.target (
  directory_id uuid not null references inspections.directory (id),
  credit_code text not null,
  name text not null,
  region_code text not null,
  industry_code text not null default '',
  primary key (directory_id, credit_code)
);
create index target_code_idx on inspections.target (credit_code);

-- Risk classes from the credit module's event (internal only; never on a public page).
create table inspections.risk_class (
  credit_code text primary key,
  risk_class text not null,
  rules_version text not null,
  computed_at timestamptz not null,
  updated_at timestamptz not null default now()
);

-- 两库 (2): inspectors.
create table inspections.inspector (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  account_id uuid,
  name text not null,
  department_code text not null references inspections.department (code),
  region_code text not null,
  residence_region_code text not null,
  qualifications jsonb not null default '[]',
  available boolean not null default true,
  -- declared conflicts of interest: credit codes
  conflicts jsonb not null default '[]',
  created_at timestamptz not null default now()
);
create index inspector_account_idx on inspections.inspector (account_id);

-- Plans and tasks.
create table inspections.plan (
  id uuid primary key default gen_random_uuid(),
  year int not null,
  title text not null,
  department_code text references inspections.department (code),
  field_id uuid references inspections.industry_field (id),
  region_code text not null,
  created_by uuid,
  created_at timestamptz not null default now()
);

create table inspections.task (
  id uuid primary key default gen_random_uuid(),
  task_no text not null unique,
  plan_id uuid references inspections.plan (id),
  kind text not null check (kind in ('random', 'surprise')),
  title text not null,
  field_id uuid references inspections.industry_field (id),
  region_code text not null,
  departments jsonb not null,
  item_ids jsonb not null,
  period_start date not null,
  period_end date not null,
  ratios jsonb not null,
  ratio_rule text not null,
  team_size int not null default 2,
  -- the target directories drawn from (a surprise task has one of its own)
  directory_ids jsonb not null default '[]',
  proposal_id uuid,
  status text not null check (status in ('committing', 'drawing', 'drawn', 'completed', 'published')),
  snapshot_hash text,
  inspectors_hash text,
  draw_progress jsonb,
  created_by uuid,
  created_at timestamptz not null default now(),
  published_on date,
  version int not null default 1
);

create table inspections.commitment (
  task_id uuid not null references inspections.task (id),
  party text not null,
  commitment text not null,
  reveal text,
  committed_at timestamptz not null default now(),
  revealed_at timestamptz,
  primary key (task_id, party)
);

create table inspections.draw (
  task_id uuid primary key references inspections.task (id),
  algorithm text not null,
  seed text not null,
  snapshot_hash text not null,
  inspectors_hash text not null,
  bundle jsonb not null,
  drawn_at timestamptz not null
);

-- 进一次门、查多项事: one visit per enterprise and period, possibly serving several tasks.
create table inspections.visit (
  id uuid primary key default gen_random_uuid(),
  credit_code text not null,
  name text not null,
  region_code text not null,
  period_start date not null,
  period_end date not null,
  team jsonb not null,
  checklist jsonb not null,
  status text not null check (status in ('open', 'done')),
  finding boolean not null default false,
  summary text,
  completed_on date,
  publish_due date,
  published_on date,
  version int not null default 1,
  created_at timestamptz not null default now()
);
create index visit_code_idx on inspections.visit (credit_code, status);

create table inspections.visit_task (
  visit_id uuid not null references inspections.visit (id),
  task_id uuid not null references inspections.task (id),
  primary key (visit_id, task_id)
);
create index visit_task_task_idx on inspections.visit_task (task_id);

-- 点单: phone-verified citizens propose and support.
create table inspections.phone_code (
  id uuid primary key default gen_random_uuid(),
  phone_index text not null,
  code_hash text not null,
  failures int not null default 0,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index phone_code_idx on inspections.phone_code (phone_index, created_at);

create table inspections.phone_session (
  token_hash text primary key,
  phone_index text not null,
  expires_at timestamptz not null
);

create table inspections.proposal (
  id uuid primary key default gen_random_uuid(),
  proposal_no text not null unique,
  title text not null,
  body text not null,
  region_code text not null,
  field_id uuid references inspections.industry_field (id),
  proposer_index text not null,
  status text not null check (status in ('open', 'hidden', 'merged', 'rejected', 'adopted', 'answered')),
  merged_into uuid references inspections.proposal (id),
  answer text,
  answered_at timestamptz,
  task_id uuid references inspections.task (id),
  problem_solved boolean not null default false,
  outcome text,
  supports int not null default 0,
  created_at timestamptz not null default now(),
  version int not null default 1
);
create index proposal_status_idx on inspections.proposal (status, supports desc);

create table inspections.support (
  proposal_id uuid not null references inspections.proposal (id),
  phone_index text not null,
  -- the proposal the support was first given to (kept when merged)
  origin_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (proposal_id, phone_index)
);
create index support_phone_idx on inspections.support (phone_index);

-- Videos, views (de-duplicated per visitor and day; older days kept as counted aggregates).
create table inspections.video (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  file_id uuid not null,
  mime text not null,
  size bigint not null,
  poster_file_id uuid,
  poster_mime text,
  proposal_id uuid references inspections.proposal (id),
  task_id uuid references inspections.task (id),
  created_by uuid,
  created_at timestamptz not null default now()
);

create table inspections.video_view (
  video_id uuid not null references inspections.video (id),
  visitor_hash text not null,
  day date not null,
  primary key (video_id, day, visitor_hash)
);

create table inspections.video_views_daily (
  video_id uuid not null references inspections.video (id),
  day date not null,
  views bigint not null,
  primary key (video_id, day)
);
