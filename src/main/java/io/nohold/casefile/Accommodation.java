package io.nohold.casefile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * What a rep grants: its type (REFUND, CREDIT, REPLACEMENT, OTHER; null if not given), its amount (null: not
 * stated) and the rep's reason. The reason is internal: it goes into the case history, never to the customer.
 */
public record Accommodation(String type, BigDecimal amount, String reason) {

    /** How it reads in the history and for reps and supervisors: "refund of 80.00 (lamp broken on arrival)". */
    public String summary() {
        String text = (type == null ? "accommodation" : type.toLowerCase(Locale.ROOT)) + " of " + amountText();
        return reason == null || reason.isBlank() ? text : text + " (" + reason + ")";
    }

    /** The amount with two decimals, "80.00"; "an unstated amount" without one. */
    public String amountText() {
        return amount == null ? "an unstated amount" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

}
