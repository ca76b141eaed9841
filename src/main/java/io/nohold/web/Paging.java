package io.nohold.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list a caller asks for: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE} items. Read
 * from the request's text, so that a wrong value is answered with the field's name and what it accepts.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;

    public static final int MAX_SIZE = 100;

    public static final int MAX_PAGE = 9_999;

    /** {@code page} and {@code size} as given (null: not given); 400 naming each refused one. */
    public static Paging of(String page, String size) {
        List<FieldProblem> problems = new ArrayList<>();
        int p = number(page, 0, 0, MAX_PAGE);
        if (p < 0) {
            problems.add(new FieldProblem("page", "must be a whole number from 0 (the first page) to " + MAX_PAGE));
        }
        int s = number(size, DEFAULT_SIZE, 1, MAX_SIZE);
        if (s < 0) {
            problems.add(new FieldProblem("size", "must be a whole number from 1 to " + MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }

    /** -1 for anything but a whole number within the bounds. */
    private static int number(String text, int absent, int min, int max) {
        if (text == null) {
            return absent;
        }
        if (!text.matches("[0-9]{1,6}")) {
            return -1;
        }
        int value = Integer.parseInt(text);
        return value < min || value > max ? -1 : value;
    }

}
