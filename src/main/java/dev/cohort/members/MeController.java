package dev.cohort.members;

import dev.cohort.spots.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Member-facing endpoints, called with a member token. */
@RestController
@Tag(name = "Me (member token)")
class MeController {
    private final MemberService members;

    MeController(MemberService members) {
        this.members = members;
    }

    @GetMapping("/v1/me")
    @Operation(operationId = "getMe", summary = "The member the token was issued to",
            description = "The SpotMember object of the member named by the token's sub.")
    SpotMember me(Caller caller) {
        return members.get(caller.spotId(), caller.memberId());
    }
}
