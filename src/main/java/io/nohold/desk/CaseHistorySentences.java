package io.nohold.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import io.nohold.casefile.CaseEvent;
import io.nohold.casefile.CaseEventType;

/**
 * The case history as people read it: one sentence per kind of entry, worded in
 * {@code templates/desk/case-history.properties} (a Mustache template each), so that the words are changed there and
 * not here. Every kind of entry must have its sentence; a missing one stops the start rather than showing a code to a
 * rep.
 */
final class CaseHistorySentences {

    static final String RESOURCE = "templates/desk/case-history.properties";

    private static final int DETAIL_LIMIT = 160;

    private final Map<CaseEventType, Template> sentences = new EnumMap<>(CaseEventType.class);

    private final Properties words;

    CaseHistorySentences() {
        this(load(RESOURCE));
    }

    CaseHistorySentences(Properties words) {
        this.words = words;
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).defaultValue("");
        List<String> missing = Arrays.stream(CaseEventType.values())
            .filter(type -> words.getProperty(type.name(), "").isBlank())
            .map(Enum::name)
            .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no sentence for " + String.join(", ", missing));
        }
        for (CaseEventType type : CaseEventType.values()) {
            sentences.put(type, compiler.compile(words.getProperty(type.name())));
        }
    }

    /**
     * The sentence of one history entry.
     *
     * @param actor the name of who did it, "the customer", or {@code null} when NoHold did it on its own
     */
    String of(CaseEvent event, String actor) {
        Map<String, Object> values = new HashMap<>();
        values.put("actor", actor == null ? "" : actor);
        values.put("task", event.task() == null ? "" : event.task());
        values.put("outcome", event.outcome() == null ? "" : event.outcome());
        values.put("outcomeText", event.outcome() == null ? "" : words("outcome.", event.outcome()));
        values.put("channel", event.category() == CaseEventType.Category.CONTACT && event.outcome() != null
                ? words("channel.", event.outcome()) : "");
        values.put("detail", detail(event.detail()));
        return sentences.get(event.type()).execute(values).strip();
    }

    private String words(String prefix, String code) {
        String text = words.getProperty(prefix + code);
        return text != null ? text : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String detail(String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String line = detail.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() > DETAIL_LIMIT ? line.substring(0, DETAIL_LIMIT - 3) + "..." : line;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = CaseHistorySentences.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

}
