package io.nohold.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's mail server (GreenMail) on 127.0.0.1: SMTP on {@code nohold.demo-mail.smtp-port} (3025), IMAP on
 * {@code nohold.demo-mail.imap-port} (3143), with the support mailbox. Every mailbox on it is read over IMAP with
 * the address as user name and as password; a customer's mailbox exists once a mail has arrived for it. Mail is kept
 * in memory only.
 */
@Component
@Profile("demo")
class DemoMailServer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    private static final String HOST = "127.0.0.1";

    private final int smtpPort;

    private final int imapPort;

    private final String supportMailbox;

    private GreenMail server;

    DemoMailServer(@Value("${nohold.demo-mail.smtp-port:3025}") int smtpPort, @Value("${nohold.demo-mail.imap-port:3143}") int imapPort,
            @Value("${nohold.demo-mail.mailbox:support@nohold.example}") String supportMailbox) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.supportMailbox = supportMailbox;
        start();
    }

    /** Starts the server (again, after {@link #stop()}: with empty mailboxes). */
    synchronized void start() {
        if (server != null) {
            return;
        }
        GreenMail greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP) })
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(supportMailbox, supportMailbox, supportMailbox));
        greenMail.start();
        server = greenMail;
        log.info("demo mail server: SMTP {}:{}, IMAP {}:{}, support mailbox {} (user and password: the address)", HOST, smtpPort,
                HOST, imapPort, supportMailbox);
    }

    /** Stops the server, as when the mail server is down. */
    synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The running server; for tests that look at what arrived. */
    synchronized GreenMail server() {
        if (server == null) {
            throw new IllegalStateException("the demo mail server is stopped");
        }
        return server;
    }

    int smtpPort() {
        return smtpPort;
    }

    int imapPort() {
        return imapPort;
    }

    @Override
    public void destroy() {
        stop();
    }

}
