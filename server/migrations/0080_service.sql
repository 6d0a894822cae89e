-- Service experience (换位体验, Leshan) and the directors' clinic (坐诊接诉, Yunnan): "one thing"
-- service items and their handled cases, experiencers in teams, experience sessions, findings,
-- suggestions, the closed loop of measures, 好差评 ratings with rectification and appeals, and the
-- clinic sessions, bookings, prescriptions and problem classes. Rules: shared/domain/rules.md §I.
create schema service;

-- Settings a province configures (e.g. the rectification working days for a bad review).
create table service.setting (
  key text primary key,
  value integer not null,
  updated_at timestamptz not null default now()
);

-- "One thing" (高效办成一件事) bundled service items, with the statutory and the committed limit.
create table service.item (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  departments jsonb not null,
  statutory_days integer not null check (statutory_days > 0),
  committed_days integer not null check (committed_days > 0),
  region_code text not null,
  created_at timestamptz not null default now(),
  constraint committed_within_statutory check (committed_days <= statutory_days)
);

-- Each "one thing" case handled, with the working days it actually took.
create table service.item_case (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references service.item (id),
  handled_on date not null,
  days_taken integer not null check (days_taken >= 0)
);
create index item_case_item on service.item_case (item_id);

-- Configurable finding categories (system integration, process steps, materials, guidance, attitude…).
create table service.finding_category (
  code text primary key,
  label_zh_cn text not null,
  label_zh_tw text not null,
  label_en text not null,
  active boolean not null default true,
  sort integer not null default 0
);
insert into service.finding_category (code, label_zh_cn, label_zh_tw, label_en, sort) values
  ('system', '系统整合', '系統整合', 'System integration', 1),
  ('process', '流程环节', '流程環節', 'Process steps', 2),
  ('materials', '申请材料', '申請材料', 'Materials', 3),
  ('guidance', '办事指引', '辦事指引', 'Guidance', 4),
  ('attitude', '服务态度', '服務態度', 'Attitude', 5);

create table service.team (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  region_code text not null,
  created_at timestamptz not null default now()
);

-- A recruited experiencer (政务服务体验员): a citizen account, in a team.
create table service.experiencer (
  id uuid primary key default gen_random_uuid(),
  account_id uuid unique,
  name text not null,
  team_id uuid not null references service.team (id),
  recruited_on date not null,
  active boolean not null default true
);

-- An experience session: an experiencer walks a service item, with staff accompanying (我陪群众走流程).
create table service.experience_session (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references service.item (id),
  experiencer_id uuid not null references service.experiencer (id),
  accompanied_by text not null,
  held_on date not null,
  note text not null default ''
);

create table service.finding (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references service.item (id),
  session_id uuid references service.experience_session (id),
  experiencer_id uuid not null references service.experiencer (id),
  category text not null references service.finding_category (code),
  description text not null,
  created_on date not null,
  created_at timestamptz not null default now()
);
create index finding_item on service.finding (item_id);

create table service.suggestion (
  id uuid primary key default gen_random_uuid(),
  item_id uuid references service.item (id),
  experiencer_id uuid not null references service.experiencer (id),
  text text not null,
  created_on date not null
);

-- The closed loop: finding → measure (owner department, due date) → done → evaluated by the experiencer.
create table service.measure (
  id uuid primary key default gen_random_uuid(),
  finding_id uuid not null references service.finding (id),
  item_id uuid not null references service.item (id),
  description text not null,
  department text not null,
  owner_id uuid not null,
  region_code text not null,
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'done', 'evaluated')),
  done_on date,
  done_note text,
  evaluation text check (evaluation in ('fixed', 'not_fixed')),
  evaluation_note text,
  evaluated_on date,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index measure_item on service.measure (item_id);

-- 好差评: one rating per handled matter (module + id), on the counter tablet or online.
create table service.rating (
  id uuid primary key default gen_random_uuid(),
  matter_module text not null,
  matter_id text not null,
  item_id uuid references service.item (id),
  channel text not null check (channel in ('counter', 'online')),
  level integer not null check (level between 1 and 5),
  comment text not null default '',
  rater_account_id uuid,
  handler_id uuid,
  region_code text not null,
  rated_on date not null,
  status text not null default 'closed' check (status in ('closed', 'rectifying', 'rectified', 're_rated', 'appealed', 'voided')),
  rectify_due_on date,
  rectification_note text,
  rectified_on date,
  re_rating integer check (re_rating between 1 and 5),
  appeal_reason text,
  appeal_note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (matter_module, matter_id)
);

-- The directors' clinic (坐诊接诉).
create table service.clinic_session (
  id uuid primary key default gen_random_uuid(),
  director_id uuid not null,
  director_name text not null,
  theme text not null,
  held_on date not null,
  place text not null default '',
  slots integer not null check (slots > 0),
  region_code text not null,
  created_at timestamptz not null default now()
);

-- Similar petitions grouped into a problem class with one policy fix.
create table service.problem_class (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  policy_fix text not null default '',
  created_at timestamptz not null default now()
);

create table service.clinic_booking (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references service.clinic_session (id),
  credit_code text not null,
  enterprise_name text not null,
  account_id uuid,
  problem text not null,
  booked_on date not null,
  status text not null default 'booked' check (status in ('booked', 'prescribed', 'reported', 'rated')),
  prescription text,
  actions jsonb not null default '[]',
  report_owner_id uuid,
  prescribed_on date,
  report_due_on date,
  report text,
  solved boolean,
  reported_on date,
  rating integer check (rating between 1 and 5),
  problem_class_id uuid references service.problem_class (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (session_id, credit_code)
);
create index clinic_booking_session on service.clinic_booking (session_id);

insert into service.setting (key, value) values ('rectification_working_days', 15);
