package io.nohold.privacy;

import java.time.Instant;
import java.util.List;

/**
 * The answer of an erasure: whose data, when it was first erased, the cases whose lifecycle was withdrawn for it and
 * the cases whose personal text is erased now (all of the customer's cases).
 */
record ErasureReport(String customerId, Instant erasedAt, List<String> withdrawnCases, List<String> erasedCases) {
}
