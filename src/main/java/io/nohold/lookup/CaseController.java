package io.nohold.lookup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.nohold.security.RegionAccess;
import io.nohold.casefile.CaseEvent;
import io.nohold.casefile.CaseEventType.Category;
import io.nohold.casefile.CaseFile;
import io.nohold.casefile.CaseRecord;
import io.nohold.casefile.CaseSearch;
import io.nohold.casefile.CaseState;
import io.nohold.lookup.CaseView.ContactEntry;
import io.nohold.lookup.CaseView.Deadlines;
import io.nohold.lookup.CaseView.Entry;
import io.nohold.lookup.CaseView.History;
import io.nohold.lookup.CaseView.NotificationEntry;
import io.nohold.lookup.CaseView.OpenTask;
import io.nohold.lookup.CaseView.Party;
import io.nohold.contact.AttachmentRepository;
import io.nohold.contact.ContactRepository;
import io.nohold.lookup.CaseView.AttachmentEntry;
import io.nohold.customer.CustomerRepository;
import io.nohold.directory.Region;
import io.nohold.directory.RegionDirectory;
import io.nohold.web.ApiException;
import io.nohold.web.ResultPage;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseFile caseFile;

    private final ContactRepository contacts;

    private final CustomerRepository customers;

    private final RegionDirectory directory;

    private final TaskService tasks;

    private final RegionAccess access;

    private final AttachmentRepository attachments;

    private final CaseSearch search;

    CaseController(CaseFile caseFile, ContactRepository contacts, CustomerRepository customers, RegionDirectory directory,
            TaskService tasks, RegionAccess access, AttachmentRepository attachments, CaseSearch search) {
        this.attachments = attachments;
        this.search = search;
        this.access = access;
        this.caseFile = caseFile;
        this.contacts = contacts;
        this.customers = customers;
        this.directory = directory;
        this.tasks = tasks;
    }

    /**
     * Cases by case number, subject words, or their customer's name, e-mail or phone ({@code q}, see
     * {@link io.nohold.customer.SearchTerms}), newest first, of the regions the caller may see.
     */
    @GetMapping
    ResultPage<CaseItem> search(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var regions = access.visibleRegions();
        SearchRequest request = SearchRequest.of(q, page, size);
        return search.search(request.terms(), regions, request.paging()).map(this::item);
    }

    /** A case in a list of cases: {@code handler} null and {@code offeredTo} the team while nobody holds it. */
    record CaseItem(String caseNumber, Party customer, Party region, CaseState state, Party handler, String offeredTo,
            String channel, String subject, Instant receivedAt, Instant promisedBy, String promisedByText) {
    }

    private CaseItem item(CaseSearch.Hit hit) {
        boolean offered = hit.state().open() && hit.handlerId() == null && hit.regionId() != null;
        return new CaseItem(hit.caseNumber(), new Party(hit.customerId(), hit.customerName()),
                hit.regionId() == null ? null : new Party(hit.regionId(), hit.regionName()),
                hit.state(), hit.handlerId() == null ? null : new Party(hit.handlerId(), hit.handlerName()),
                offered ? new Region(hit.regionId(), hit.regionName()).repGroup() : null, hit.channel(), hit.subject(),
                hit.receivedAt(), hit.promisedBy(),
                hit.promisedBy() == null ? null : caseFile.timeIn(hit.regionId(), hit.promisedBy()));
    }

    @GetMapping("/{caseNumber}")
    CaseView view(@PathVariable String caseNumber) {
        CaseRecord record = caseFile.find(caseNumber).orElseThrow(() -> ApiException.notFound("case", caseNumber));
        access.checkRegion(record.regionId());
        Optional<Region> region = Optional.ofNullable(record.regionId()).flatMap(directory::findRegion);
        Party customer = customers.findById(record.customerId())
            .map(c -> new Party(c.id(), c.displayName()))
            .orElse(new Party(record.customerId(), null));
        List<CaseEvent> events = caseFile.history(caseNumber);
        History caseHistory = new History(
                contacts.ofCase(caseNumber)
                    .stream()
                    .map(c -> new ContactEntry(c.id(), c.channel(), c.externalId(), c.receivedAt(), c.subject(), c.message(),
                            c.status().name()))
                    .toList(),
                entries(events, Category.TASK), entries(events, Category.SLA), entries(events, Category.ESCALATION),
                events.stream()
                    .filter(e -> e.category() == Category.CASE || e.category() == Category.ACCOMMODATION)
                    .map(CaseController::entry)
                    .toList(),
                caseFile.notifications(caseNumber)
                    .stream()
                    .map(n -> new NotificationEntry(n.createdAt(), n.recipientKind().name(), n.recipient(), n.kind().name(), n.text(),
                            n.deliverAfter(), n.deliveredAt()))
                    .toList(),
                attachments.ofCase(caseNumber)
                    .stream()
                    .map(a -> new AttachmentEntry(a.id(), a.contactId(), a.name(), a.contentType(), a.size(), a.refused(),
                            a.refused() == null ? "/api/cases/" + caseNumber + "/attachments/" + a.id() : null))
                    .toList());
        boolean open = record.state().open();
        return new CaseView(record.caseNumber(), record.state(), customer,
                region.map(r -> new Party(r.id(), r.name())).orElse(null), record.regionUnresolved(),
                person(record.personalRepId()), person(record.handlerId()),
                open && record.handlerId() == null ? region.map(Region::repGroup).orElse(null) : null, record.channel(),
                record.subject(), record.receivedAt(), record.promisedBy(), caseFile.timeIn(record.regionId(), record.promisedBy()),
                new Deadlines(record.personalWindowEndsAt(), record.promisedBy(), record.resolutionDueAt()),
                record.resolvedAt(), record.resolvedBy(), record.closedAt(), openTasks(caseNumber), caseHistory);
    }

    /** A kept file of the case, for whoever may see the case; sent as a download, never shown inline. */
    @GetMapping("/{caseNumber}/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String caseNumber, @PathVariable long id) {
        CaseRecord record = caseFile.find(caseNumber).orElseThrow(() -> ApiException.notFound("case", caseNumber));
        access.checkRegion(record.regionId());
        AttachmentRepository.Content file = attachments.content(caseNumber, id)
            .orElseThrow(() -> ApiException.notFound("attachment", caseNumber + "/" + id));
        MediaType type;
        try {
            type = MediaType.parseMediaType(file.info().contentType());
        }
        catch (InvalidMediaTypeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
            .contentType(type)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(file.info().name(), StandardCharsets.UTF_8).build().toString())
            .header("X-Content-Type-Options", "nosniff")
            .body(file.bytes());
    }

    private List<OpenTask> openTasks(String caseNumber) {
        return tasks.createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .orderByTaskCreateTime()
            .asc()
            .list()
            .stream()
            .map(task -> new OpenTask(task.getId(), task.getName(), task.getAssignee(),
                    tasks.getIdentityLinksForTask(task.getId())
                        .stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                        .map(IdentityLink::getGroupId)
                        .toList(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant()))
            .toList();
    }

    private Party person(String repId) {
        return directory.findRep(repId).map(r -> new Party(r.id(), r.name())).orElse(repId == null ? null : new Party(repId, null));
    }

    private static List<Entry> entries(List<CaseEvent> events, Category category) {
        return events.stream().filter(e -> e.category() == category).map(CaseController::entry).toList();
    }

    private static Entry entry(CaseEvent e) {
        return new Entry(e.at(), e.type() == io.nohold.casefile.CaseEventType.TASK_COMPLETED && e.task() != null ? e.task() : e.type().name(),
                e.actor(), e.outcome(), e.detail());
    }

}
