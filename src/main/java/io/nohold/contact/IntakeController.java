package io.nohold.contact;

import java.util.Arrays;
import java.util.List;

import io.nohold.security.Groups;
import io.nohold.security.RegionAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import io.nohold.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One call per contact: 201 with the case, handler and promise; 200 with the same answer when it is sent again. */
@RestController
@RequestMapping("/api/contacts")
class IntakeController {

    /** Who may submit and read contacts: channel integrations, head of service and admins. */
    static final List<String> INTAKE_GROUPS = List.of(Groups.CHANNELS, Groups.HEAD_OF_SERVICE, Groups.ADMIN);

    private final IntakeService intake;

    private final RegionAccess access;

    IntakeController(IntakeService intake, RegionAccess access) {
        this.intake = intake;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IntakeAnswer> submit(@RequestBody @Valid ContactRequest request) {
        access.checkAnyOf(INTAKE_GROUPS);
        IntakeService.Submission submission = intake.submit(request);
        return ResponseEntity.status(submission.created() ? HttpStatus.CREATED : HttpStatus.OK).body(submission.answer());
    }

    @GetMapping("/{id}")
    StoredContact contact(@PathVariable long id) {
        access.checkAnyOf(INTAKE_GROUPS);
        return intake.contact(id).orElseThrow(() -> ApiException.notFound("contact", String.valueOf(id)));
    }

    /** Contacts by processing state, oldest first: FAILED and RECEIVED are what an operator looks at. */
    @GetMapping(params = "status")
    List<StoredContact> byStatus(@RequestParam String status,
            @RequestParam(defaultValue = "100") @Min(value = 1, message = "must be between 1 and 1000")
            @Max(value = 1000, message = "must be between 1 and 1000") int limit) {
        access.checkAnyOf(INTAKE_GROUPS);
        ContactStatus wanted = Arrays.stream(ContactStatus.values())
            .filter(s -> s.name().equals(status))
            .findFirst()
            .orElseThrow(() -> ApiException.invalid(List.of(new FieldProblem("status", "must be one of "
                    + String.join(", ", Arrays.stream(ContactStatus.values()).map(Enum::name).toList())))));
        return intake.contacts(wanted, limit);
    }

    @ExceptionHandler(IntakeFailedException.class)
    ResponseEntity<ProblemDetail> failed(IntakeFailedException e) {
        ResponseEntity<ProblemDetail> problem = Problems.answer(HttpStatus.SERVICE_UNAVAILABLE, "contact " + e.contactId()
                + " is stored, but its case could not be opened just now; send it again with the same externalId to retry");
        return ResponseEntity.status(problem.getStatusCode())
            .headers(problem.getHeaders())
            .header("Retry-After", "30")
            .body(problem.getBody());
    }

}
