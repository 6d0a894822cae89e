-- Issue 11: every change of the register goes through the exchange pipeline, whatever its origin.
-- A change is filed by a business ('filed'), or recorded from the register's own events: a
-- registrar's correction or status change ('correction'), a registration ('registration') or an
-- import batch ('import'). Recorded ones have no filer; `source_event_id` makes the consumer
-- idempotent (an outbox event may be handled twice).
alter table exchange.change_request
  add column origin text not null default 'filed' check (origin in ('filed', 'correction', 'registration', 'import')),
  add column source_event_id text,
  -- The closing notice, sent once when the last department confirms after an interim notice.
  add column closing_notified_at timestamptz;
alter table exchange.change_request alter column filed_by drop not null;
create unique index change_source_event on exchange.change_request (source_event_id, credit_code) where source_event_id is not null;

-- What each pull department has read: the highest cursor it asked to read after (it has the
-- entries up to there), and when. Reconciliation compares it with the feed.
alter table exchange.department
  add column pull_cursor bigint not null default 0,
  add column pull_read_at timestamptz;
