package dev.cohort.joining;

import dev.cohort.errors.NotFoundException;
import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A member redeems a join code (issue 15), with a member token; failed attempts are limited per member. */
@RestController
@Tag(name = "Me (member token)")
class MyJoinCodeController {
    private final JoinCodeService codes;
    private final JoinCodeAttempts attempts;

    MyJoinCodeController(JoinCodeService codes, JoinCodeAttempts attempts) {
        this.codes = codes;
        this.attempts = attempts;
    }

    @Body
    record RedeemJoinCode(@NotBlank @Size(max = 64) @Schema(description = "The code (case-insensitive)",
            example = "SUMMER-2027") String code) {
    }

    /** What a redeem did. */
    record JoinCodeRedeemed(@Schema(allowableValues = {"Joined", "Pending"}) String status,
                            @Schema(description = "The group the code joins") UUID groupId,
                            @Schema(description = "The join request a community group's code that requires "
                                    + "approval filed (Pending); null otherwise") @Nullable UUID joinRequestId) {
    }

    /** Too many failed attempts: answered 429 with Retry-After. */
    static final class TooManyAttempts extends RuntimeException {
        final long seconds;

        TooManyAttempts(long seconds) {
            super("Too many failed code attempts; retry in " + seconds + " s");
            this.seconds = seconds;
        }
    }

    @PostMapping("/v1/me/groups~redeem")
    @Operation(operationId = "redeemJoinCode", summary = "Join a group with a code",
            description = "200 {\"status\": \"Joined\", \"groupId\"}; linked resources invite me at once. A "
                    + "community group's code that requires approval files a join request instead: 200 "
                    + "{\"status\": \"Pending\", \"groupId\", \"joinRequestId\"} (the use counted once; asking "
                    + "again while it is pending answers the same request). A group I am in already: 200, nothing "
                    + "changes and the code is not used. 404 for an unknown or revoked code; 409 saying why for a "
                    + "used-up, expired or not yet valid code, a group outside its window, \"banned\" or "
                    + "\"subscription required\" (community groups). Failed attempts are limited per member "
                    + "(COHORT_JOIN_CODE_ATTEMPTS, default 10 per 10 minutes): over it, 429 with Retry-After.")
    @Errors(409)
    JoinCodeRedeemed redeem(Caller caller, @RequestBody RedeemJoinCode body) {
        long wait = attempts.wait(caller.memberId());
        if (wait > 0) {
            throw new TooManyAttempts(wait);
        }
        try {
            JoinCodeService.Redeemed redeemed = codes.redeem(caller.spotId(), caller.memberId(), body.code());
            return new JoinCodeRedeemed(redeemed.status(), redeemed.groupId(), redeemed.joinRequestId());
        } catch (NotFoundException e) {
            attempts.failed(caller.memberId());
            throw e;
        }
    }

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyAttempts e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many requests");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(e.seconds))
                .body(problem);
    }
}
