package io.nohold.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: its items, which page of which size, and how many items the whole list has. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public ResultPage {
        items = List.copyOf(items);
    }

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total);
    }

}
