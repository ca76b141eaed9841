package io.nohold.lifecycle;

import static io.nohold.lifecycle.ContactLifecycleProcess.Variables.*;

import io.nohold.casefile.CaseEvent.Category;
import io.nohold.casefile.CaseHistory;
import io.nohold.casefile.CaseRepository;
import io.nohold.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The quiet period passed without a reply: the case closes. It stays in the customer's history. */
@Component
class CloseCaseDelegate implements JavaDelegate {

    private final CaseRepository cases;

    private final CaseHistory history;

    CloseCaseDelegate(CaseRepository cases, CaseHistory history) {
        this.cases = cases;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.required(execution, CASE_NUMBER);
        cases.close(caseNumber, EngineClock.now());
        history.record(caseNumber, Category.CASE, "CLOSED", null, null, "no reply within the quiet period");
    }

}
