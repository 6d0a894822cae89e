-- Issue 11 (enforcement): the reasoning of a decision (说理式执法), the public output of penalty
-- publicity (a redacted copy of the decision and searchable summary columns) and its end at the
-- period's end or on credit repair.
alter table enforcement.case add column reasoning jsonb;

alter table enforcement.publicity drop constraint publicity_status_check;
alter table enforcement.publicity add constraint publicity_status_check check (status in ('pending', 'published', 'withdrawn', 'ended'));
-- The published (redacted) name, credit code and document number, for the public search.
alter table enforcement.publicity add column party_name text;
alter table enforcement.publicity add column credit_code text;
alter table enforcement.publicity add column doc_no text;
-- The redacted decision (Order 45 art. 6) as a stored PDF.
alter table enforcement.publicity add column public_file_id uuid;
-- An end before the withdrawal path: the period ran out, or the credit was repaired (Order 45 art. 14).
alter table enforcement.publicity add column ended_on date;
alter table enforcement.publicity add column end_reason text check (end_reason in ('expired', 'repaired'));
create index publicity_public on enforcement.publicity (status, published_on desc, case_id);
create index publicity_credit_code on enforcement.publicity (credit_code);
