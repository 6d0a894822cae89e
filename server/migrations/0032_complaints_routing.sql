-- Issue 11: no complaint unrouted, routing by category and industry, the respondent told the
-- outcome, and every issued document kept.

-- The mediation network's handling units (the notice: 28 departments and 8 industry mediation
-- committees besides the stations).
create table complaints.handling_unit (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  kind text not null check (kind in ('department', 'industry_committee')),
  region_code char(6) not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

-- Which unit takes a complaint: by its category and the respondent's industry (GB/T 4754 code
-- prefix). A null column matches anything; the most specific rule wins, then the lowest priority.
create table complaints.routing_rule (
  id uuid primary key default gen_random_uuid(),
  category text,
  industry_prefix text check (industry_prefix is null or industry_prefix ~ '^[A-T]?[0-9]{0,4}$'),
  unit_id uuid not null references complaints.handling_unit (id),
  priority integer not null default 100,
  note text not null default '',
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index routing_rule_category on complaints.routing_rule (category);

alter table complaints.complaint
  -- How the region was chosen: station, respondent (register), district (given), address (parsed),
  -- city_queue (the city's intake queue) or manual (re-routed by the director).
  add column routed_by text check (routed_by in ('station', 'respondent', 'district', 'address', 'city_queue', 'manual')),
  add column handling_unit_id uuid references complaints.handling_unit (id),
  add column respondent_industry text,
  -- The respondent's mobile (optional, encrypted): the outcome notice goes by SMS when the
  -- business has no portal account.
  add column respondent_phone_enc text,
  add column respondent_notified_at timestamptz;

-- Every document issued for a complaint; a reopened case keeps them (superseded_at marks those
-- issued before a reopening).
create table complaints.document (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null references complaints.complaint (id),
  kind text not null check (kind in ('mediation_agreement')),
  file_id uuid not null,
  issued_at timestamptz not null,
  superseded_at timestamptz
);
create index document_complaint on complaints.document (complaint_id, issued_at);
insert into complaints.document (complaint_id, kind, file_id, issued_at)
select id, 'mediation_agreement', agreement_file_id, coalesce(concluded_at, updated_at)
  from complaints.complaint where agreement_file_id is not null;

-- Complaints filed before routing with no region go to the city's intake queue.
update complaints.complaint set region_code = '330100', routed_by = 'city_queue' where region_code is null;
update complaints.complaint set routed_by = coalesce(routed_by, case when station_id is not null then 'station' else 'district' end);
