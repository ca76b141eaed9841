-- Privacy: when a case's and a customer's personal text was erased (at the customer's request or because the
-- retention ended). A set erased_at is also what makes erasure happen once when several nodes run it at the same
-- moment: the node whose UPDATE ... WHERE erased_at IS NULL changed the row records it. Portable SQL (H2 2.x, PostgreSQL).
ALTER TABLE support_case ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE customer ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- the retention job looks for cases not erased yet by their closing time (erased ones are not scanned again);
-- export and erasure find a customer's contacts
CREATE INDEX ix_case_retention ON support_case (erased_at, closed_at);
CREATE INDEX ix_contact_customer ON contact (customer_id);
