package io.nohold.web;

import java.io.IOException;

/** Raised while reading a request body that grows past the limit. */
class PayloadTooLargeException extends IOException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

}
