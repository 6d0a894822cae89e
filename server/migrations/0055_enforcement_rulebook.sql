-- The rulebook (issue 11): lenient lists (首违不罚 / 轻微免罚 …) and discretion benchmarks as versioned
-- data. A version is a draft until a legal reviewer publishes it; one published version is active per
-- scope ('national' or a province code); a published version is never edited. Cases store the key
-- `rule_set_id@version` they were opened under and keep using it.

create table enforcement.rulebook_version (
  id uuid primary key default gen_random_uuid(),
  rule_set_id text not null,
  version integer not null,
  scope text not null,
  status text not null check (status in ('draft', 'published', 'superseded')),
  effective_from date not null,
  -- {lighterShare, heavierShare, mitigatedFloorShare}
  params jsonb not null,
  note text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  published_by uuid,
  published_at timestamptz,
  row_version integer not null default 1,
  unique (rule_set_id, version)
);
create unique index rulebook_one_active on enforcement.rulebook_version (scope) where status = 'published';
create unique index rulebook_one_draft on enforcement.rulebook_version (scope) where status = 'draft';

create table enforcement.rulebook_entry (
  id uuid primary key default gen_random_uuid(),
  version_id uuid not null references enforcement.rulebook_version (id) on delete cascade,
  position integer not null,
  code text not null,
  name text not null,
  -- Which lenient list the entry is on: 'first_violation' (首违不罚), 'minor' (轻微免罚), or none.
  list text check (list in ('first_violation', 'minor')),
  -- The list's wording of when it applies (免罚条件).
  conditions text not null default '',
  violated jsonb not null,
  penalty_basis jsonb not null,
  -- Statutory range in fen; null when the range is not known (the entry is then shown but not offered).
  min_fen bigint,
  max_fen bigint,
  levels jsonb,
  -- Where the entry comes from: {title, tag, url}
  source jsonb not null,
  unverified boolean not null default false,
  unique (version_id, code)
);
