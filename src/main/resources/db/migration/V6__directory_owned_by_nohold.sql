-- NoHold's directory lists everyone who works cases, supervisors too, and keeps the row of someone who left: cases,
-- customers and the history name them. A removed person is never chosen again. Portable SQL: H2 2.x and PostgreSQL.
ALTER TABLE rep ADD COLUMN role VARCHAR(16) DEFAULT 'REP' NOT NULL;
ALTER TABLE rep ADD COLUMN email VARCHAR(320);
ALTER TABLE rep ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
