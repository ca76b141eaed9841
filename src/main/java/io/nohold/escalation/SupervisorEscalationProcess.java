package io.nohold.escalation;

/** The contract of processes/supervisor-escalation.bpmn. */
public final class SupervisorEscalationProcess {

    public static final String KEY = "SupervisorEscalation";

    public static final String RESOURCE = "supervisor-escalation.bpmn";

    private SupervisorEscalationProcess() {
    }

    public static final class Elements {

        public static final String START_ESCALATION_REQUESTED = "StartEvent_EscalationRequested";
        public static final String OPEN_ESCALATION = "Task_OpenEscalation";
        public static final String HANDLE_ESCALATION = "UserTask_HandleEscalation";
        public static final String ESCALATION_DEADLINE_MISSED = "BoundaryEvent_EscalationDeadlineMissed";
        public static final String NOTIFY_HEAD_OF_SERVICE = "Task_NotifyHeadOfService";
        public static final String SUPERVISOR_DECISION = "Gateway_SupervisorDecision";
        public static final String RESOLVED_BY_SUPERVISOR = "EndEvent_ResolvedBySupervisor";
        public static final String RETURNED_TO_HANDLER = "EndEvent_ReturnedToHandler";

        private Elements() {
        }

    }

    public static final class Variables {

        public static final String ESCALATION_REASON = "escalationReason";
        public static final String ESCALATION_REASON_TEXT = "escalationReasonText";
        public static final String ESCALATION_DUE_AT = "escalationDueAt";
        /** The SLA policy's escalation window, handed in by the calling lifecycle. */
        public static final String ESCALATION_WINDOW = "escalationWindow";
        public static final String ESCALATION_RESULT = "escalationResult";
        public static final String SUPERVISOR_GUIDANCE = "supervisorGuidance";
        public static final String LAST_COMPLETED_BY = "lastCompletedBy";

        private Variables() {
        }

    }

    /** Values of {@link Variables#ESCALATION_REASON}, as the calling lifecycle passes its outcome. */
    public static final class Reasons {

        public static final String CUSTOMER_ASKED = "SUPERVISOR_REQUESTED";
        public static final String RESOLUTION_DEADLINE_MISSED = "RESOLUTION_DEADLINE_MISSED";

        private Reasons() {
        }

    }

    /** Values of {@link Variables#ESCALATION_RESULT}. */
    public static final class Results {

        public static final String RESOLVED = "RESOLVED";
        public static final String RETURNED_TO_HANDLER = "RETURNED_TO_HANDLER";

        private Results() {
        }

    }

}
