-- Supervisors are told within their own business hours. A notification to a region's supervisors that is written
-- while the region is closed waits until the region's next opening; channel adapters are not handed it before then.
-- Portable SQL: H2 2.x and PostgreSQL.
ALTER TABLE notification ADD COLUMN deliver_after TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_notification_pending ON notification (delivered_at, deliver_after);

-- One morning list per region and opening: the node that inserts the row composes it; another node's insert of the
-- same opening fails on the primary key and composes nothing.
CREATE TABLE morning_list (
  region_id     VARCHAR(32)              NOT NULL REFERENCES region (id),
  opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_from   TIMESTAMP WITH TIME ZONE NOT NULL,
  composed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  entries       INTEGER                  NOT NULL,
  CONSTRAINT pk_morning_list PRIMARY KEY (region_id, opened_at)
);

-- The morning list reads what happened in a region's cases between a closing and the next opening.
CREATE INDEX ix_case_event_type_time ON case_event (type, occurred_at);
