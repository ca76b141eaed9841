-- Customers known by their channel, and webhooks for the channel adapters. Portable SQL: H2 2.x and PostgreSQL.

-- A customer's handle on a channel (a social account, a chat user id). handle_key is how it is compared
-- (io.nohold.customer.ContactKeys#handle); one customer per channel and key, as with e-mail and phone, and one handle
-- per customer and channel.
CREATE TABLE customer_handle (
  customer_id VARCHAR(64)  NOT NULL REFERENCES customer (id),
  channel     VARCHAR(16)  NOT NULL,
  handle      VARCHAR(200) NOT NULL,
  handle_key  VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_customer_handle PRIMARY KEY (customer_id, channel),
  CONSTRAINT uq_customer_handle_key UNIQUE (channel, handle_key)
);

-- A subscription of a channel adapter (or an administrator) to customer notifications of some kinds. The secret signs
-- the deliveries, so it is stored as given (it is never returned). start_notification_id: the newest notification
-- when it subscribed; only later ones are delivered to it.
CREATE TABLE webhook (
  id                   VARCHAR(40)   PRIMARY KEY,
  owner                VARCHAR(64)   NOT NULL,
  url                  VARCHAR(2000) NOT NULL,
  events               VARCHAR(1000) NOT NULL,
  secret               VARCHAR(200)  NOT NULL,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  start_notification_id BIGINT       NOT NULL
);
CREATE INDEX ix_webhook_owner ON webhook (owner);

-- One notification to be delivered to one webhook. next_attempt_at: when a node may claim it next (a claim moves it
-- forward by the claim's lease); state PENDING, DELIVERED or FAILED (retries used up) or DROPPED (text erased first).
CREATE TABLE webhook_delivery (
  id              VARCHAR(40)  PRIMARY KEY,
  webhook_id      VARCHAR(40)  NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
  notification_id BIGINT       NOT NULL REFERENCES notification (id),
  state           VARCHAR(16)  NOT NULL,
  attempts        INT          NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_webhook_delivery UNIQUE (webhook_id, notification_id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (state, next_attempt_at);

-- Every attempt of a delivery: when, the HTTP status (none when no answer came) and what went wrong.
CREATE TABLE webhook_attempt (
  delivery_id  VARCHAR(40)  NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
  attempt      INT          NOT NULL,
  attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  http_status  INT,
  error        VARCHAR(500),
  CONSTRAINT pk_webhook_attempt PRIMARY KEY (delivery_id, attempt)
);
