-- Imports account for every row and say how the file was read (issue 9, finding 8).
alter table registry.import_job
  add column refused integer not null default 0,
  add column encoding text;
-- Staged rows now carry the legal representative's ID number encrypted; rows staged before this
-- version are dropped from jobs that already finished (they are cleared on completion anyway).
update registry.import_job set rows = null where status <> 'importing';
