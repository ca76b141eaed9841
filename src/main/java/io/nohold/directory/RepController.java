package io.nohold.directory;

import java.util.List;
import java.util.Map;

import io.nohold.security.RegionAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.nohold.web.ApiException;
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

    /**
     * The body of {@code PUT /api/reps/{id}/availability}. An unknown status, a status that is not a string and any
     * other field are refused while the body is read (400 naming the field and the accepted values).
     */
    record AvailabilityRequest(@NotNull(message = "is required; one of AVAILABLE, AWAY, OFF") RepStatus status) {
    }

    @PutMapping("/{id}/availability")
    Rep setAvailability(@PathVariable String id, @RequestBody @Valid AvailabilityRequest body) {
        Rep rep = directory.findRep(id).orElseThrow(() -> ApiException.notFound("rep", id));
        access.checkAvailability(rep.id(), rep.regionId());
        directory.setStatus(id, body.status());
        return directory.findRep(id).orElseThrow();
    }

}
