-- Push deliveries of a change not yet acknowledged: each acknowledgement decrements it once (the
-- delivery's own status guards the decrement), and the change is complete at zero.
alter table exchange.change_request add column pending_deliveries integer not null default 0;
