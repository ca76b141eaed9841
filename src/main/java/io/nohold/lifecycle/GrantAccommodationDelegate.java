package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An accommodation within the rep's authority: granted on the rep's own word, and the contact is resolved. */
@Component
class GrantAccommodationDelegate implements JavaDelegate {

    private final CaseHistory history;

    GrantAccommodationDelegate(CaseHistory history) {
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        history.record(Vars.required(execution, CASE_NUMBER), Category.ACCOMMODATION, "ACCOMMODATION_GRANTED",
                Vars.string(execution, LAST_COMPLETED_BY), "WITHIN_AUTHORITY", Accommodations.describe(execution));
    }

}
