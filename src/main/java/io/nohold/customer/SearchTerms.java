package io.nohold.customer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;

/**
 * What a search text {@code q} can mean, decided by its shape:
 * <ul>
 * <li>a case number: {@code NH-0010} is the start of one (every case number starting with it), {@code 1001} is the
 * number of {@code NH-001001};</li>
 * <li>a phone number: {@code +49 40 1234567} or {@code 0049 40 1234567} is read with libphonenumber as intake reads
 * it and matches that number; a national or partial one ({@code 040 1234567}, {@code 1234567}) matches every number
 * ending in its digits (without the leading zeros); at least {@value #MIN_PHONE_DIGITS} digits;</li>
 * <li>words (anything else): every word, case-insensitively, within a
 * customer's name or e-mail address, or every word within a case's subject. Words of one character are left out.</li>
 * </ul>
 */
public record SearchTerms(String text, String caseNumber, String caseNumberPrefix, String phoneKey, String phoneSuffix,
        List<String> words) {

    public static final int MIN_LENGTH = 2;

    public static final int MAX_LENGTH = 100;

    public static final int MAX_WORDS = 6;

    static final int MIN_PHONE_DIGITS = 6;

    private static final Pattern CASE_NUMBER_START = Pattern.compile("(?i)NH-[0-9]{1,12}");

    private static final Pattern CASE_NUMBER_DIGITS = Pattern.compile("[0-9]{1,12}");

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9()./ -]+");

    private static final String ACCEPTED = "must be 2 to " + MAX_LENGTH + " characters: a case number (NH-001001, "
            + "NH-0010 for every case number starting with it, or 1001), a phone number, an e-mail address, or up to "
            + MAX_WORDS + " words of a name or subject (at least one of 2 characters or more)";

    public SearchTerms {
        words = List.copyOf(words);
    }

    /** The terms of {@code q}; 400 naming {@code q} for a missing, blank, too short or too long one. */
    public static SearchTerms parse(String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() < MIN_LENGTH || text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw refused();
        }
        String caseNumber = null;
        String caseNumberPrefix = null;
        if (CASE_NUMBER_START.matcher(text).matches()) {
            caseNumberPrefix = text.toUpperCase(Locale.ROOT);
        }
        else if (CASE_NUMBER_DIGITS.matcher(text).matches()) {
            caseNumber = String.format("NH-%06d", Long.parseLong(text));
        }
        String phoneKey = null;
        String phoneSuffix = null;
        boolean phoneShaped = PHONE.matcher(text).matches();
        String digits = text.replaceAll("[^0-9]", "");
        if (phoneShaped && digits.length() >= MIN_PHONE_DIGITS) {
            phoneKey = PhoneNumbers.e164(text, null).orElse(null);
            if (phoneKey == null) {
                String significant = digits.replaceFirst("^0+", "");
                phoneSuffix = significant.length() >= MIN_PHONE_DIGITS ? significant : null;
            }
        }
        List<String> words = new ArrayList<>();
        if (!phoneShaped && caseNumberPrefix == null) {
            Set<String> distinct = new LinkedHashSet<>();
            for (String word : text.toLowerCase(Locale.ROOT).split("[\\s,;]+")) {
                if (word.length() >= MIN_LENGTH) {
                    distinct.add(word);
                }
            }
            if (distinct.isEmpty() || distinct.size() > MAX_WORDS) {
                throw refused();
            }
            words.addAll(distinct);
        }
        if (caseNumber == null && caseNumberPrefix == null && phoneKey == null && phoneSuffix == null && words.isEmpty()) {
            throw refused();
        }
        return new SearchTerms(text, caseNumber, caseNumberPrefix, phoneKey, phoneSuffix, words);
    }

    /** {@code word} for a LIKE pattern with {@code ESCAPE '\'}: anywhere in the text. */
    public static String containing(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static ApiException refused() {
        return ApiException.invalid(List.of(new FieldProblem("q", ACCEPTED)));
    }

}
