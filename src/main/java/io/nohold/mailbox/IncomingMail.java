package io.nohold.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** What NoHold reads from one mail: its id, sender, subject, text, files and the ids it answers. */
record IncomingMail(String messageId, InternetAddress sender, String subject, String text, List<File> files,
        List<String> answers) {

    record File(String name, String contentType, byte[] content) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private static final Pattern MEDIA_TYPE = Pattern
        .compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    static IncomingMail read(MimeMessage mail) throws MessagingException, IOException {
        List<String> answers = new ArrayList<>();
        ids(mail.getHeader("In-Reply-To", " "), answers);
        List<String> references = new ArrayList<>();
        ids(mail.getHeader("References", " "), references);
        // the newest reference is the last one
        for (int i = references.size() - 1; i >= 0; i--) {
            if (!answers.contains(references.get(i))) {
                answers.add(references.get(i));
            }
        }
        List<File> files = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        walk(mail, plain, html, files);
        String text = plain.length() > 0 ? plain.toString() : html.toString().replaceAll("(?s)<[^>]*>", " ");
        return new IncomingMail(messageId(mail), sender(mail), mail.getSubject(), text, files, answers);
    }

    /** The mail's Message-ID; for a mail without one (or an overlong one), a stable id made from its content. */
    private static String messageId(MimeMessage mail) throws MessagingException, IOException {
        String id = mail.getMessageID();
        if (id != null && !id.isBlank() && id.strip().length() <= 200 && MESSAGE_ID.matcher(id.strip()).matches()) {
            return id.strip();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mail.writeTo(raw);
            return "<sha256-" + HexFormat.of().formatHex(digest.digest(raw.toByteArray())) + "@mailbox.nohold>";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetAddress sender(MimeMessage mail) throws MessagingException {
        Address[] from;
        try {
            from = mail.getFrom();
        }
        catch (MessagingException e) {
            return null;
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return null;
        }
        return address;
    }

    private static void ids(String header, List<String> into) {
        if (header == null) {
            return;
        }
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            into.add(m.group());
        }
    }

    private static void walk(Part part, StringBuilder plain, StringBuilder html, List<File> files)
            throws MessagingException, IOException {
        String filename = fileName(part);
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), plain, html, files);
            }
        }
        else if (filename == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && part.isMimeType("text/plain")) {
            plain.append(text(part));
        }
        else if (filename == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && part.isMimeType("text/html")) {
            html.append(text(part));
        }
        else if (!part.isMimeType("message/rfc822") || filename != null) {
            try (InputStream in = part.getInputStream()) {
                files.add(new File(filename == null ? "attachment-" + (files.size() + 1) : filename, mediaType(part),
                        in.readAllBytes()));
            }
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            name = MimeUtility.decodeText(name);
        }
        catch (IOException e) {
            // keep it as it came
        }
        return name;
    }

    private static String mediaType(Part part) {
        try {
            String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            return MEDIA_TYPE.matcher(type).matches() ? type : "application/octet-stream";
        }
        catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    Optional<String> senderAddress() {
        return Optional.ofNullable(sender).map(InternetAddress::getAddress).map(String::strip).filter(a -> !a.isEmpty());
    }

}
