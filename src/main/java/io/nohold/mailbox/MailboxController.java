package io.nohold.mailbox;

import java.util.List;

import io.nohold.security.Groups;
import io.nohold.security.RegionAccess;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mails of the support mailbox that NoHold could not take in, newest first, for head of service and admins. */
@RestController
@RequestMapping("/api/mailbox")
class MailboxController {

    private final MailboxFailures failures;

    private final RegionAccess access;

    MailboxController(MailboxFailures failures, RegionAccess access) {
        this.failures = failures;
        this.access = access;
    }

    @GetMapping("/failed")
    List<MailboxFailure> failed(@RequestParam(defaultValue = "100") @Min(value = 1, message = "must be between 1 and 1000")
    @Max(value = 1000, message = "must be between 1 and 1000") int limit) {
        access.checkAnyOf(List.of(Groups.HEAD_OF_SERVICE, Groups.ADMIN));
        return failures.newest(limit);
    }

}
