package io.nohold.mailbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;
import org.springframework.stereotype.Component;

/**
 * Gives the support mailbox to one node at a time. Two IMAP sessions moving mails out of one inbox see its message
 * numbers shift under them, and some servers (GreenMail among them) renumber a session's view without telling it, so a
 * node would move a mail it never read. The node whose turn it is holds a row lock on a connection of its own, outside
 * any transaction of the intake; it ends with the poll, or with the connection if the node dies. A node that finds the
 * lock held skips the poll: the holder is reading the same inbox.
 */
@Component
class MailboxTurn {

    interface Poll {

        int run() throws MessagingException;

    }

    private final DataSource dataSource;

    MailboxTurn(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the poll if no other node is reading the mailbox; returns its result, or 0 when the turn was taken. */
    int ifFree(Poll poll) throws MessagingException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (!lock(connection)) {
                    return 0;
                }
                return poll.run();
            }
            finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
        catch (SQLException e) {
            throw new MessagingException("the database did not give the mailbox's turn: " + e.getMessage(), e);
        }
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT name FROM mailbox_reader_lock WHERE name = 'support' FOR UPDATE SKIP LOCKED");
                ResultSet row = statement.executeQuery()) {
            return row.next();
        }
    }

}
