package io.nohold.lifecycle;

import io.nohold.engine.CaseOf;
import io.nohold.engine.Vars;
import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An accommodation within the rep's authority: granted on the rep's own word, and the contact is resolved. */
@Component
class GrantAccommodationDelegate implements JavaDelegate {

    private final CaseFile caseFile;

    GrantAccommodationDelegate(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        caseFile.accommodationGranted(CaseOf.number(execution), Vars.string(execution, LAST_COMPLETED_BY), "WITHIN_AUTHORITY",
                Accommodations.of(execution));
    }

}
