-- Department callbacks already accepted, by signature: a replayed callback is refused.
create table exchange.callback_nonce (
  signature text primary key,
  seen_at timestamptz not null
);
create index callback_nonce_seen on exchange.callback_nonce (seen_at);
