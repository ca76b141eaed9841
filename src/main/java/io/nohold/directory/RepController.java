package io.nohold.directory;

import java.util.List;
import java.util.Map;

import io.nohold.security.RegionAccess;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reps")
class RepController {

    private final RegionDirectory directory;

    private final RegionAccess access;

    RepController(RegionDirectory directory, RegionAccess access) {
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/{id}")
    Rep rep(@PathVariable String id) {
        Rep rep = directory.findRep(id).orElseThrow(() -> ApiException.notFound("rep", id));
        access.checkRegion(rep.regionId());
        return rep;
    }

    @PutMapping("/{id}/availability")
    Rep setAvailability(@PathVariable String id, @RequestBody Map<String, Object> body) {
        Object status = body == null ? null : body.get("status");
        Rep rep = directory.findRep(id).orElseThrow(() -> ApiException.notFound("rep", id));
        access.checkAvailability(rep.id(), rep.regionId());
        directory.setStatus(id, parseStatus(status));
        return directory.findRep(id).orElseThrow();
    }

    private static RepStatus parseStatus(Object status) {
        if (status instanceof String text) {
            for (RepStatus candidate : RepStatus.values()) {
                if (candidate.name().equals(text)) {
                    return candidate;
                }
            }
        }
        throw ApiException.invalid(List.of(new FieldProblem("status",
                status == null ? "is required; one of AVAILABLE, AWAY, OFF" : "must be one of AVAILABLE, AWAY, OFF")));
    }

}
