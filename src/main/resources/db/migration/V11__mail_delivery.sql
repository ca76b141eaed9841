-- Customer notifications go out by e-mail (io.nohold.mail). Each row's delivery by mail:
--   mail_state            NULL: not taken by the mail sender (not for mail, or not yet); SENDING: claimed by a node until
--                         mail_next_attempt_at (a node that died meanwhile leaves it to the next claim); RETRYING: the
--                         mail server could not take it, tried again from mail_next_attempt_at; SENT; FAILED: given up
--   mail_attempts         attempts so far
--   mail_next_attempt_at  SENDING: end of the claim; RETRYING: the next attempt
--   message_id            the Message-ID the mail carries, the same in every attempt; replies name it in In-Reply-To
ALTER TABLE notification ADD COLUMN mail_state VARCHAR(16);
ALTER TABLE notification ADD COLUMN mail_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notification ADD COLUMN mail_next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN message_id VARCHAR(250);
CREATE INDEX ix_notification_mail ON notification (mail_state, mail_next_attempt_at);
CREATE INDEX ix_notification_message_id ON notification (message_id);
