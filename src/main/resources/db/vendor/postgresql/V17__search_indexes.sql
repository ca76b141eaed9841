-- Search of cases and customers (GET /api/cases?q=, GET /api/customers?q=; casefile.CaseSearch,
-- customer.CustomerSearch). Words and partial phone numbers are matched anywhere in the text (ILIKE '%word%'), which
-- a B-tree cannot serve: trigram indexes can. Case numbers are matched by their start (LIKE 'NH-0010%'), which a
-- B-tree serves only in the C collation or with the pattern operator class.
-- The same version is in db/vendor/h2: a version number here and there is taken in db/migration too.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_case_subject_trgm ON support_case USING gin (subject gin_trgm_ops);
CREATE INDEX ix_case_number_pattern ON support_case (case_number varchar_pattern_ops);
CREATE INDEX ix_customer_name_trgm ON customer USING gin (name gin_trgm_ops);
CREATE INDEX ix_customer_email_trgm ON customer USING gin (email_key gin_trgm_ops);
CREATE INDEX ix_customer_phone_trgm ON customer USING gin (phone_key gin_trgm_ops);
