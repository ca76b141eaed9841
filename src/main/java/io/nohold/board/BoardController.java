package io.nohold.board;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import io.nohold.directory.Region;
import io.nohold.directory.RegionDirectory;
import io.nohold.security.ApiUser;
import io.nohold.security.Groups;
import io.nohold.security.RegionAccess;
import io.nohold.web.ApiException;
import io.nohold.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/board[?region=…]}: the board of the regions the caller may see, by the rules of /api. Head of
 * service and administrators see every region side by side, or the one they name; a supervisor or rep sees their own
 * region, and naming another one is refused with 403 before anything is read. Channels are refused ({@code ApiRules}).
 */
@RestController
class BoardController {

    private final Board board;

    private final RegionDirectory directory;

    private final RegionAccess access;

    /** Head of service's regions side by side are read side by side, each in a read-only transaction of its own. */
    private final ExecutorService regionsAtOnce = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "board-region");
        thread.setDaemon(true);
        return thread;
    });

    BoardController(Board board, RegionDirectory directory, RegionAccess access) {
        this.board = board;
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/api/board")
    BoardView get(@RequestParam(required = false) String region) {
        ApiUser user = ApiUser.current().orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "sign in", List.of()));
        List<Region> own = RegionAccess.seesAllRegions(user) ? directory.regions()
                : directory.regions()
                    .stream()
                    .filter(r -> user.memberOf(Groups.supervisors(r.id())) || user.memberOf(Groups.reps(r.id())))
                    .toList();
        List<BoardView.Choice> choices = own.stream().map(r -> new BoardView.Choice(r.id(), r.name())).toList();
        List<Region> regions;
        if (region != null) {
            Region named = directory.findRegion(region).orElseThrow(() -> ApiException.invalid(List.of(new FieldProblem(
                    "region", "must be the id of a region: one of " + String.join(", ",
                            directory.regions().stream().map(Region::id).toList())))));
            access.checkRegion(named.id());
            regions = List.of(named);
        }
        else {
            regions = own;
            if (regions.isEmpty()) {
                access.checkRegion(null);
            }
        }
        Instant now = Board.now();
        if (regions.size() == 1) {
            return new BoardView(now, board.atRiskWithin(), choices, List.of(board.of(regions.get(0), now)));
        }
        List<CompletableFuture<BoardView.RegionBoard>> boards = regions.stream()
            .map(r -> CompletableFuture.supplyAsync(() -> board.of(r, now), regionsAtOnce))
            .toList();
        return new BoardView(now, board.atRiskWithin(), choices, boards.stream().map(CompletableFuture::join).toList());
    }

    @PreDestroy
    void stop() {
        regionsAtOnce.shutdownNow();
    }

}
