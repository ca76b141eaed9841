-- The language a customer reads NoHold's texts in (ISO 639-1: en, de); null reads as English.
-- Portable SQL: H2 2.x and PostgreSQL.
ALTER TABLE customer ADD COLUMN language VARCHAR(2);

-- The subject line of a customer notification (a mail's subject); null for notifications to reps and supervisors.
ALTER TABLE notification ADD COLUMN subject VARCHAR(300);

-- What was granted on the case, as the customer is told it at resolution: the type and the amount, never the rep's
-- reason. Cleared when the customer has been told.
ALTER TABLE support_case ADD COLUMN granted_type VARCHAR(20);
ALTER TABLE support_case ADD COLUMN granted_amount DECIMAL(12, 2);

-- Room for a rep's reply to the customer (up to 4,000 characters) with its greeting and signature.
ALTER TABLE notification ALTER COLUMN text SET DATA TYPE VARCHAR(8000);
