-- With a message broker, the jobs table is the outbox: a relay publishes each runnable job and records when;
-- a job whose message was lost, or whose worker died, is published again.
alter table jobs add column dispatched_at timestamptz;
