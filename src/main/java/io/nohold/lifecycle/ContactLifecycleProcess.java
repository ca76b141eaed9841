package io.nohold.lifecycle;

/**
 * The contract of processes/contact-lifecycle.bpmn: its key, the element ids code and tests refer to, its message
 * and its variables. A model test checks that every id here exists in the model.
 */
public final class ContactLifecycleProcess {

    public static final String KEY = "ContactLifecycle";

    public static final String RESOURCE = "contact-lifecycle.bpmn";

    public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";

    private ContactLifecycleProcess() {
    }

    /** Element ids. */
    public static final class Elements {

        public static final String START_CONTACT_RECEIVED = "StartEvent_ContactReceived";
        public static final String LOOK_UP_REGION = "Task_LookUpRegion";
        public static final String FIND_PERSONAL_REP = "Task_FindPersonalRep";
        public static final String DETERMINE_SLA_POLICY = "BusinessRuleTask_DetermineSlaPolicy";
        public static final String MAKE_PROMISE = "Task_MakePromise";
        public static final String PERSONAL_HANDLING = "SubProcess_PersonalHandling";
        public static final String REACH_CUSTOMER = "UserTask_ReachCustomer";
        public static final String PERSONAL_WINDOW_ELAPSED = "BoundaryEvent_PersonalWindowElapsed";
        public static final String HAND_OVER_TO_BACKUP = "Task_HandOverToBackup";
        public static final String FIRST_RESPONSE_DEADLINE_MISSED = "BoundaryEvent_FirstResponseDeadlineMissed";
        public static final String OFFER_TO_REGION_TEAM = "Task_OfferToRegionTeam";
        public static final String RESOLVE_CONTACT = "UserTask_ResolveContact";
        public static final String RESOLUTION_DEADLINE_MISSED = "BoundaryEvent_ResolutionDeadlineMissed";
        public static final String OUTCOME = "Gateway_Outcome";
        public static final String CHECK_AUTHORITY = "BusinessRuleTask_CheckAuthority";
        public static final String GRANT_ACCOMMODATION = "Task_GrantAccommodation";
        public static final String REQUEST_APPROVAL = "Task_RequestApproval";
        public static final String APPROVE_ACCOMMODATION = "UserTask_ApproveAccommodation";
        public static final String APPROVAL_DEADLINE_MISSED = "BoundaryEvent_ApprovalDeadlineMissed";
        public static final String NOTIFY_HEAD_OF_SERVICE_OF_APPROVAL = "Task_NotifyHeadOfServiceOfApproval";
        public static final String RECORD_APPROVAL_DECISION = "Task_RecordApprovalDecision";
        public static final String PLAN_FOLLOW_UP = "Task_PlanFollowUp";
        public static final String WAIT_FOR_FOLLOW_UP = "EventGateway_FollowUp";
        public static final String FOLLOW_UP_DUE = "TimerEvent_FollowUpDue";
        public static final String CUSTOMER_REPLIED_DURING_FOLLOW_UP = "MessageEvent_CustomerRepliedDuringFollowUp";
        public static final String RESUME_WITH_HANDLER = "Task_ResumeWithHandler";
        public static final String SUPERVISOR_ESCALATION = "CallActivity_SupervisorEscalation";
        public static final String RETURN_TO_HANDLER = "Task_ReturnToHandler";
        public static final String CONFIRM_OUTCOME = "Task_ConfirmOutcome";
        public static final String QUIET_PERIOD = "EventGateway_QuietPeriod";
        public static final String CUSTOMER_REPLIED = "MessageEvent_CustomerReplied";
        public static final String QUIET_PERIOD_OVER = "TimerEvent_QuietPeriodOver";
        public static final String REOPEN_CASE = "Task_ReopenCase";
        public static final String CLOSE_CASE = "Task_CloseCase";
        public static final String CASE_CLOSED = "EndEvent_CaseClosed";

        private Elements() {
        }

    }

    /** Process variables. */
    public static final class Variables {

        public static final String CASE_NUMBER = "caseNumber";
        public static final String CUSTOMER_ID = "customerId";
        public static final String CONTACT_ID = "contactId";
        public static final String REPLY_CONTACT_ID = "replyContactId";
        public static final String CHANNEL = "channel";
        public static final String TIER = "tier";
        public static final String PUBLIC_POST = "publicPost";
        public static final String RECEIVED_AT = "receivedAt";
        public static final String SUBJECT = "subject";
        public static final String MESSAGE = "message";
        public static final String REGION_ID = "regionId";
        public static final String REGION_UNRESOLVED = "regionUnresolved";
        public static final String PERSONAL_REP_ID = "personalRepId";
        public static final String HANDLER_ID = "handlerId";
        public static final String SLA_POLICY = "slaPolicy";
        public static final String PERSONAL_WINDOW = "personalWindow";
        public static final String FIRST_RESPONSE = "firstResponse";
        public static final String RESOLUTION = "resolution";
        public static final String PERSONAL_WINDOW_ENDS_AT = "personalWindowEndsAt";
        public static final String PROMISED_BY = "promisedBy";
        public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
        public static final String CUSTOMER_REACHED = "customerReached";
        public static final String REACH_NOTES = "reachNotes";
        public static final String OUTCOME = "outcome";
        public static final String NOTES = "notes";
        public static final String ACCOMMODATION_TYPE = "accommodationType";
        public static final String ACCOMMODATION_AMOUNT = "accommodationAmount";
        public static final String ACCOMMODATION_REASON = "accommodationReason";
        public static final String WITHIN_AUTHORITY = "withinAuthority";
        public static final String APPROVAL_DUE_AT = "approvalDueAt";
        public static final String APPROVAL_DECISION = "approvalDecision";
        public static final String FOLLOW_UP_DATE = "followUpDate";
        public static final String FOLLOW_UP_AT = "followUpAt";
        public static final String ESCALATION_RESULT = "escalationResult";
        public static final String SUPERVISOR_GUIDANCE = "supervisorGuidance";
        public static final String LAST_COMPLETED_BY = "lastCompletedBy";

        /** Display-only strings for the forms. */
        public static final String CUSTOMER_NAME = "customerName";
        public static final String REGION_NAME = "regionName";
        public static final String PERSONAL_REP_NAME = "personalRepName";
        public static final String HANDLER_NAME = "handlerName";
        public static final String PROMISED_BY_TEXT = "promisedByText";
        public static final String CASE_HISTORY = "caseHistory";
        public static final String APPROVAL_DECISION_TEXT = "approvalDecisionText";
        public static final String ACCOMMODATION_SUMMARY = "accommodationSummary";

        private Variables() {
        }

    }

    /** Values of {@link Variables#OUTCOME}, as the "Resolve contact" form offers them. */
    public static final class Outcomes {

        public static final String RESOLVED = "RESOLVED";
        public static final String ACCOMMODATION = "ACCOMMODATION";
        public static final String SUPERVISOR_REQUESTED = "SUPERVISOR_REQUESTED";
        public static final String FOLLOW_UP = "FOLLOW_UP";
        /** Set by the model, not a rep: the resolution deadline passed. */
        public static final String RESOLUTION_DEADLINE_MISSED = "RESOLUTION_DEADLINE_MISSED";

        private Outcomes() {
        }

    }

}
