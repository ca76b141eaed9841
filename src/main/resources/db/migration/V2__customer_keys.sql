-- One customer per e-mail key and per phone key, customer ids from a sequence, and each rep's customer count kept
-- on the rep. Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

-- A database may already hold several customers with one key. The oldest customer (created first, then lowest id)
-- keeps it; the later ones keep their e-mail address and phone number as written but lose the key, so contacts with
-- that key are matched to the oldest customer from now on.
UPDATE customer later SET email_key = NULL
WHERE later.email_key IS NOT NULL
  AND EXISTS (SELECT 1 FROM customer older
              WHERE older.email_key = later.email_key
                AND (older.created_at < later.created_at
                     OR (older.created_at = later.created_at AND older.id < later.id)));

UPDATE customer later SET phone_key = NULL
WHERE later.phone_key IS NOT NULL
  AND EXISTS (SELECT 1 FROM customer older
              WHERE older.phone_key = later.phone_key
                AND (older.created_at < later.created_at
                     OR (older.created_at = later.created_at AND older.id < later.id)));

-- The unique constraints bring their own indexes. Customers without an e-mail or phone (NULL key) are not limited:
-- H2 2.x and PostgreSQL both treat NULLs in a UNIQUE constraint as distinct.
DROP INDEX ix_customer_email;
DROP INDEX ix_customer_phone;
ALTER TABLE customer ADD CONSTRAINT uq_customer_email_key UNIQUE (email_key);
ALTER TABLE customer ADD CONSTRAINT uq_customer_phone_key UNIQUE (phone_key);

-- Ids of new customers: CU-000001, CU-000002, ... (ids given by a channel are kept as given).
CREATE SEQUENCE customer_id_seq START WITH 1;

-- How many customers have this rep as their personal rep: the choice of a new customer's rep reads it instead of
-- counting all customers. Kept by CustomerRepository in the transaction that assigns or inserts the customer.
ALTER TABLE rep ADD COLUMN customer_count INT DEFAULT 0 NOT NULL;
UPDATE rep SET customer_count = (SELECT COUNT(*) FROM customer c WHERE c.personal_rep_id = rep.id);
