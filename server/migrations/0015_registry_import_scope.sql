-- Import jobs are scoped like the enterprises they carry (issue 9, finding 7): the jurisdiction
-- prefix of the registrar who started the job (null: city-wide or administrator).
alter table registry.import_job add column jurisdiction text;
update registry.import_job j set jurisdiction = a.jurisdiction from platform.account a where a.id = j.created_by;
create index import_job_jurisdiction on registry.import_job (jurisdiction);
