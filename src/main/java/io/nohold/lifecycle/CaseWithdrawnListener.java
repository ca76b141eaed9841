package io.nohold.lifecycle;

import io.nohold.casefile.CaseFile;
import io.nohold.engine.CaseOf;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * An administrator ended a case's lifecycle before it closed (Cockpit, {@code DELETE /process-instance/{id}}): the
 * case closes too, with the reason in its history, so that the case file never shows an open case the engine no
 * longer works on. A lifecycle that ends by itself closes its case in "Close case".
 */
@Component
class CaseWithdrawnListener implements ExecutionListener {

    private final CaseFile caseFile;

    CaseWithdrawnListener(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            String reason = ((ExecutionEntity) execution).getDeleteReason();
            caseFile.withdrawn(CaseOf.number(execution), reason == null || reason.isBlank() ? "ended by an administrator"
                    : "ended by an administrator: " + reason);
        }
    }

}
