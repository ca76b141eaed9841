-- One owner of the case record: completed tasks are named in their history entry, and every contact keeps the
-- case its channel said it belongs to and the promise made for it.
ALTER TABLE case_event ADD COLUMN task VARCHAR(100);
ALTER TABLE contact ADD COLUMN requested_case_number VARCHAR(20);
ALTER TABLE contact ADD COLUMN promised_by TIMESTAMP WITH TIME ZONE;
-- entries written before this version named the task in the type
UPDATE case_event SET task = type, type = 'TASK_COMPLETED' WHERE category = 'TASK';
