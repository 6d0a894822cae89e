-- Log-in throttling keyed by user name (known or not), counted atomically before the password check.
create table platform.login_throttle (
  -- HMAC of the lower-cased user name, so unknown names leave no readable trace.
  key text primary key,
  -- Attempts admitted to the password check since the last success.
  failures integer not null default 0,
  -- No attempt is admitted before this instant (the progressive delay).
  wait_until timestamptz,
  updated_at timestamptz not null
);

-- Accounts an administrator reset must choose a new password at the next log-in.
alter table platform.account add column must_change_password boolean not null default false;
