package io.nohold.privacy;

import java.util.List;

import io.nohold.security.Groups;
import io.nohold.security.RegionAccess;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's personal data, for administrators only: everything NoHold holds about them as one JSON document, and
 * its erasure. The caller's group is checked before the customer is looked up, so others cannot even learn whether a
 * customer id exists.
 */
@RestController
@RequestMapping("/api/customers/{id}")
class PrivacyController {

    private final PersonalData personalData;

    private final RegionAccess access;

    PrivacyController(PersonalData personalData, RegionAccess access) {
        this.personalData = personalData;
        this.access = access;
    }

    @GetMapping("/export")
    CustomerExport export(@PathVariable String id) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        return personalData.export(id);
    }

    @DeleteMapping("/personal-data")
    ErasureReport erase(@PathVariable String id,
            @RequestParam(name = "withdrawOpenCases", defaultValue = "false") boolean withdrawOpenCases) {
        access.checkAnyOf(List.of(Groups.ADMIN));
        return personalData.erase(id, withdrawOpenCases);
    }

}
