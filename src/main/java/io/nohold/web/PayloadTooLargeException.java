package io.nohold.web;

import java.io.IOException;

/** Raised while reading a request body that grows past the limit. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }

}
