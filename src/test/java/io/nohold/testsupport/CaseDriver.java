package io.nohold.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.nohold.casefile.CaseFile;
import io.nohold.contact.ContactRequest;
import io.nohold.contact.IntakeAnswer;
import io.nohold.contact.IntakeService;
import io.nohold.customer.CustomerDetails;
import io.nohold.directory.RegionDirectory;
import io.nohold.directory.RepStatus;
import io.nohold.lifecycle.ContactLifecycleProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Drives cases the way channels, reps, supervisors and time do, for the tests. */
@Component
public class CaseDriver {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Set<String> touched = ConcurrentHashMap.newKeySet();

    private final IntakeService intake;

    private final TaskService tasks;

    private final RuntimeService runtime;

    private final ManagementService management;

    private final IdentityService identity;

    private final RegionDirectory directory;

    private final CaseFile caseFile;

    CaseDriver(IntakeService intake, TaskService tasks, RuntimeService runtime, ManagementService management,
            IdentityService identity, RegionDirectory directory, CaseFile caseFile) {
        this.caseFile = caseFile;
        this.intake = intake;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
        this.directory = directory;
    }

    /** A customer nobody has seen before, in the region of the postal code (Hamburg 20xxx is North). */
    public static CustomerDetails newCustomer(String postalCode) {
        int n = SEQUENCE.incrementAndGet();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        return new CustomerDetails(null, "Test Customer " + n, "customer-" + tag + "-" + n + "@example.com", null,
                postalCode, "DE");
    }

    public IntakeAnswer submit(String channel, CustomerDetails customer, String message) {
        return submit(channel, customer, message, false, false);
    }

    public IntakeAnswer submit(String channel, CustomerDetails customer, String message, boolean publicPost,
            boolean newTopic) {
        return submit(new ContactRequest(channel, "ext-" + UUID.randomUUID(), customer, "About " + message, message,
                publicPost, newTopic));
    }

    public IntakeAnswer submit(ContactRequest request) {
        IntakeAnswer answer = intake.submit(request).answer();
        touched.add(answer.caseNumber());
        return answer;
    }

    /** The cases that contacts submitted through this driver opened or joined since the last {@link #reset()}. */
    public Set<String> touchedCases() {
        return Set.copyOf(touched);
    }

    public ProcessInstance instance(String caseNumber) {
        return runtime.createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .processDefinitionKey("ContactLifecycle")
            .singleResult();
    }

    public ProcessInstance escalation(String caseNumber) {
        return runtime.createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .processDefinitionKey("SupervisorEscalation")
            .singleResult();
    }

    public Task task(String caseNumber, String taskDefinitionKey) {
        return tasks.createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskDefinitionKey(taskDefinitionKey)
            .singleResult();
    }

    public List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId())
            .stream()
            .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
            .map(link -> link.getGroupId())
            .toList();
    }

    /** The user completes the task with these form values, claiming it first when it is offered to their group. */
    public void complete(String userId, Task task, Map<String, Object> values) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), userId);
            }
            tasks.complete(task.getId(), values);
        }
        finally {
            identity.clearAuthentication();
        }
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /**
     * Moves the engine clock and executes the jobs of these cases that fall due, as the job executor would. Other
     * tests' cases are left alone.
     */
    public void passTime(Duration duration, String... caseNumbers) {
        ClockUtil.setCurrentTime(Date.from(now().plus(duration)));
        executeDueJobs(caseNumbers);
    }

    /** When the timer of this case waiting at this event falls due. */
    public Instant timerDue(String caseNumber, String activityId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
            .processDefinitionKey(ContactLifecycleProcess.KEY)
            .singleResult();
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        if (timer == null) {
            throw new IllegalStateException("case " + caseNumber + " has no timer at " + activityId);
        }
        return timer.getDuedate().toInstant();
    }

    /** Moves the engine clock to a moment and executes the jobs of these cases that fall due by then. */
    public void passTimeTo(Instant moment, String... caseNumbers) {
        ClockUtil.setCurrentTime(Date.from(moment));
        executeDueJobs(caseNumbers);
    }

    public void executeDueJobs(String... caseNumbers) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = new java.util.ArrayList<>();
            for (String caseNumber : caseNumbers) {
                runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseNumber)
                    .list()
                    .forEach(instance -> due.addAll(
                            management.createJobQuery().processInstanceId(instance.getId()).executable().list()));
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("jobs keep falling due");
    }

    /**
     * Clears the desks of a region: every open case of the region that earlier tests left behind is withdrawn (its
     * process ended as an administrator would end it, which closes the case), so that a test sees only the work it
     * creates.
     */
    public void clearDesksOf(String regionId) {
        runtime.createProcessInstanceQuery()
            .processDefinitionKey("ContactLifecycle")
            .list()
            .stream()
            .filter(instance -> regionId.equals(caseFile.get(instance.getBusinessKey()).regionId()))
            .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "desks cleared for a test"));
    }

    public void setStatusOfRegion(String regionId, RepStatus status) {
        directory.repsOf(regionId).forEach(rep -> directory.setStatus(rep.id(), status));
    }

    public void setStatus(String repId, RepStatus status) {
        directory.setStatus(repId, status);
    }

    /** Back to a clean day: every rep available, the clock on the working morning, nothing overdue left behind. */
    public void reset() {
        directory.regions().forEach(region -> directory.repsOf(region.id())
            .forEach(rep -> directory.setStatus(rep.id(), RepStatus.AVAILABLE)));
        WorkingDayClock.pin();
        touched.clear();
    }

}
