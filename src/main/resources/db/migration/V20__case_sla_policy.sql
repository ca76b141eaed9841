-- The row of the SLA policy (processes/sla-policy.dmn) that the case's latest promise was made under, kept with the
-- promise so that later steps (a reminder, a return from the supervisors, a follow-up, the quiet period, the tasks'
-- priority) use the same row. Written with every promise; null for a case not yet promised and for cases whose
-- lifecycle started before V20 (those keep the row in their process instance's variables). Portable SQL: H2 2.x and
-- PostgreSQL. The windows are ISO-8601 durations as the table gives them (PT15M, P2D); hours is BUSINESS_HOURS or
-- ALL_HOURS.
ALTER TABLE support_case ADD COLUMN sla_personal_window VARCHAR(40);
ALTER TABLE support_case ADD COLUMN sla_first_response VARCHAR(40);
ALTER TABLE support_case ADD COLUMN sla_resolution VARCHAR(40);
ALTER TABLE support_case ADD COLUMN sla_reminder_before VARCHAR(40);
ALTER TABLE support_case ADD COLUMN sla_approval_window VARCHAR(40);
ALTER TABLE support_case ADD COLUMN sla_escalation_window VARCHAR(40);
ALTER TABLE support_case ADD COLUMN sla_quiet_period VARCHAR(40);
ALTER TABLE support_case ADD COLUMN sla_hours VARCHAR(16);
ALTER TABLE support_case ADD COLUMN sla_task_priority INTEGER;
