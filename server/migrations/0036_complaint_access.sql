-- Complaint access codes that cannot be guessed (issue 9, finding 3).
-- Failed tries per tracking number, counted atomically before the code is checked; a re-issued code
-- waits beside the current one (which stays valid until the new one is used); re-issues are spaced.
alter table complaints.complaint
  add column access_failures integer not null default 0,
  add column access_failures_since timestamptz,
  add column access_code_next_hash text,
  add column access_code_sent_at timestamptz;

-- The old six-digit codes were hashed with a fixed key (recoverable offline): retire them. The
-- consumer asks for a new code (重新发送查询码), which is sent to the phone on file.
update complaints.complaint set access_code_hash = 'retired:' || gen_random_uuid()::text;

-- The old codes sat in clear in the message log and the outbox: mask them.
update platform.message_log
   set body = regexp_replace(body, '(查询码为? ?)[0-9]{6}', '\1******', 'g')
 where body ~ '查询码为? ?[0-9]{6}';
update platform.outbox_event
   set payload = jsonb_set(payload, '{body}', to_jsonb(regexp_replace(payload->>'body', '(查询码为? ?)[0-9]{6}', '\1******', 'g')))
 where topic in ('notification.sms', 'notification.email') and payload->>'body' ~ '查询码为? ?[0-9]{6}';
