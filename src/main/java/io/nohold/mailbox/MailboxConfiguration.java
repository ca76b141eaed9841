package io.nohold.mailbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Reads {@code nohold.mailbox.*}. With reading enabled and the server or the account missing, the start stops here
 * with a message naming the missing settings (the demo profile sets them for its embedded mail server).
 */
@Configuration(proxyBeanMethods = false)
class MailboxConfiguration {

    @Bean
    MailboxSettings mailboxSettings(@Value("${nohold.mailbox.enabled:false}") boolean enabled,
            @Value("${nohold.mailbox.protocol:imaps}") String protocol, @Value("${nohold.mailbox.host:}") String host,
            @Value("${nohold.mailbox.port:993}") int port, @Value("${nohold.mailbox.username:}") String username,
            @Value("${nohold.mailbox.password:}") String password, @Value("${nohold.mailbox.folder:INBOX}") String folder,
            @Value("${nohold.mailbox.processed-folder:Processed}") String processedFolder,
            @Value("${nohold.mailbox.failed-folder:Failed}") String failedFolder,
            @Value("${nohold.mailbox.max-mail-size:30MB}") DataSize maxMailSize) {
        MailboxSettings settings = new MailboxSettings(enabled, protocol, host, port, username, password, folder,
                processedFolder, failedFolder, maxMailSize);
        if (!settings.missing().isEmpty()) {
            throw new IllegalStateException("nohold.mailbox.enabled is true, but the support mailbox is not configured: "
                    + "set " + String.join(", ", settings.missing())
                    + " (see docs/operations.md, \"Incoming mail\"), or set nohold.mailbox.enabled=false");
        }
        return settings;
    }

}
