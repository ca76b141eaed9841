-- One node at a time reads the support mailbox: the reader holds this row locked (FOR UPDATE SKIP LOCKED) on a
-- connection of its own while it polls; a node that finds it locked leaves the poll to the node holding it.
CREATE TABLE mailbox_reader_lock (
    name VARCHAR(40) PRIMARY KEY
);

INSERT INTO mailbox_reader_lock (name) VALUES ('support');
