-- Consumer complaints and reports (SAMR Order No. 20), the mediation network and its stations.
create schema complaints;

create table complaints.station (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  type text not null check (type in ('bureau_office', 'department', 'industry_committee', 'warm_heart', 'volunteer_point')),
  address text not null,
  region_code char(6) not null,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  -- Weekly opening hours as data: [{ "days": [1,2,3,4,5], "open": "09:00", "close": "17:00" }]
  opening_hours jsonb not null default '[]',
  -- Mediators on duty here: [{ "accountId": "...", "name": "..." }]
  mediators jsonb not null default '[]',
  phone text,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Bounding-box prefilter of the nearest-station query.
create index station_lat_lng on complaints.station (lat, lng);
create index station_region on complaints.station (region_code);

create table complaints.complaint (
  id uuid primary key default gen_random_uuid(),
  tracking_no text not null unique,
  kind text not null check (kind in ('complaint', 'report')),
  channel text not null check (channel in ('web', 'qr', 'staff', 'import')),
  station_id uuid,
  status text not null check (status in ('received', 'accepted', 'refused', 'mediating', 'closed', 'forwarded')),
  complainant_name text not null,
  complainant_phone_enc text not null,
  complainant_phone_masked text not null,
  complainant_phone_index text not null,
  complainant_address text not null,
  respondent_name text not null,
  respondent_address text not null,
  respondent_credit_code char(18),
  respondent_key text not null,
  region_code char(6),
  category text,
  request text not null,
  facts text not null,
  amount_fen bigint check (amount_fen is null or amount_fen >= 0),
  occurred_on date,
  idempotency_key text unique,
  duplicate_of uuid,
  access_code_hash text not null,
  received_on date not null,
  received_at timestamptz not null,
  -- null when the working-day calendar does not yet cover the date (the next year's notice is not loaded).
  acceptance_due date,
  accepted_on date,
  accepted_at timestamptz,
  refusal_ground text,
  refusal_note text,
  mediator_id uuid,
  mediator_name text,
  recused jsonb not null default '[]',
  mediation_mode text check (mediation_mode in ('on_site', 'remote')),
  mediation_due date,
  paused_since date,
  paused_reason text,
  paused_working_days integer not null default 0,
  alerted_due date,
  outcome text check (outcome in ('agreement', 'no_agreement', 'terminated')),
  termination_ground text,
  outcome_note text,
  agreement_terms text,
  agreement_file_id uuid,
  concluded_on date,
  concluded_at timestamptz,
  termination_notice_due date,
  feedback_at timestamptz,
  satisfaction integer check (satisfaction between 1 and 5),
  follow_up_note text,
  reopened_count integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index complaint_region on complaints.complaint (region_code, received_at desc);
create index complaint_status on complaints.complaint (status, acceptance_due);
create index complaint_dup on complaints.complaint (complainant_phone_index, respondent_key, received_on);

-- The six steps 听辨劝借让和 and every other event of a case, in order.
create table complaints.entry (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null references complaints.complaint (id),
  kind text not null,
  step text check (step in ('listen', 'discern', 'persuade', 'borrow', 'yield', 'reconcile')),
  mode text check (mode in ('on_site', 'remote')),
  note text not null default '',
  data jsonb,
  actor_name text,
  at timestamptz not null
);
create index entry_complaint on complaints.entry (complaint_id, at);

-- Community points (residential communities, markets…) whose 5-minute-walk coverage is reported.
create table complaints.community_point (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  region_code char(6) not null,
  lat double precision not null,
  lng double precision not null,
  created_at timestamptz not null default now()
);
create index community_point_region on complaints.community_point (region_code);
