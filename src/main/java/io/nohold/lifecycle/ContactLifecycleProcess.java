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
        public static final String PROMISE_DUE_SOON = "BoundaryEvent_PromiseDueSoon";
        public static final String REMIND_HANDLER = "Task_RemindHandler";
        public static final String REOPEN_CASE = "Task_ReopenCase";
        public static final String CLOSE_CASE = "Task_CloseCase";
        public static final String CASE_CLOSED = "EndEvent_CaseClosed";

        private Elements() {
        }

    }

    /**
     * Process variables: the small values the model branches on, the decision tables' inputs and the tasks' form
     * fields. Which case, customer, region and handler a step acts on is never a variable: it comes from the
     * business key and the case file.
     */
    public static final class Variables {

        /** Set at start and by a reply: the inputs of the SLA policy for the contact being handled. */
        public static final String CHANNEL = "channel";
        public static final String TIER = "tier";
        public static final String PUBLIC_POST = "publicPost";
        /** Set by a reply that moves a waiting case on. */
        public static final String REPLY_CONTACT_ID = "replyContactId";

        /**
         * The SLA policy's decision as one map, as models before {@code KeepSlaPolicyListener} kept it. Instances
         * started since keep the row in the case file ({@code ${caseFacts.taskPriority(execution)}} in the models);
         * those started in between keep it as variables of the output names ({@link io.nohold.sla.SlaPolicy.Outputs},
         * {@code ${taskPriority}} in their models).
         */
        public static final String SLA_POLICY = "slaPolicy";

        /** Form fields of "Reach customer" and "Resolve contact". */
        public static final String CUSTOMER_REACHED = "customerReached";
        public static final String REACH_NOTES = "reachNotes";
        /** What the handler writes to the customer when completing "Reach customer" or "Resolve contact"; optional. */
        public static final String REPLY_TO_CUSTOMER = "replyToCustomer";
        public static final String OUTCOME = "outcome";
        public static final String NOTES = "notes";
        public static final String ACCOMMODATION_TYPE = "accommodationType";
        public static final String ACCOMMODATION_AMOUNT = "accommodationAmount";
        public static final String ACCOMMODATION_REASON = "accommodationReason";
        public static final String FOLLOW_UP_DATE = "followUpDate";

        /** Form fields of "Approve accommodation" (and "Handle escalation", which returns its guidance). */
        public static final String APPROVAL_DECISION = "approvalDecision";
        public static final String SUPERVISOR_GUIDANCE = "supervisorGuidance";
        public static final String ESCALATION_RESULT = "escalationResult";

        /** Results of steps: the authority decision, deadlines of timers, who completed the last task. */
        public static final String WITHIN_AUTHORITY = "withinAuthority";
        public static final String APPROVAL_DUE_AT = "approvalDueAt";
        public static final String FOLLOW_UP_AT = "followUpAt";
        public static final String PROMISE_REMINDER_AT = "promiseReminderAt";
        public static final String QUIET_PERIOD_ENDS_AT = "quietPeriodEndsAt";
        public static final String LAST_COMPLETED_BY = "lastCompletedBy";
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
