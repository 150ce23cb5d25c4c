package dev.cohort.communities;

import dev.cohort.errors.ForbiddenException;
import dev.cohort.groups.CommunityInput;
import dev.cohort.groups.Group;
import dev.cohort.groups.GroupService;
import dev.cohort.groups.JoinSettings;
import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Community groups members create themselves, with a member token (SPEC rule 18). */
@RestController
@Tag(name = "Me (member token)")
class MyCommunityController {
    private final GroupService groups;
    private final CommunitySettingsRepository settings;

    MyCommunityController(GroupService groups, CommunitySettingsRepository settings) {
        this.groups = groups;
        this.settings = settings;
    }

    @Body
    @Schema(description = "A new community group, owned by the member who creates it")
    record CreateMyGroup(@NotBlank @Size(max = 255) @Schema(example = "Product Beta") String name,
                         @Schema(example = "Try new features first") String description) {
    }

    @PostMapping("/v1/me/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createMyGroup", summary = "Create a community group I own",
            description = "201 with the Group: a community group whose owner, for good, is me (groupRole owner), "
                    + "with the default settings (joinPolicy approval, access free, reportsEnabled true) and a slug "
                    + "made from the name. 403 (missingRight groups.create) when the Spot switched it off "
                    + "(PUT /v1/communitySettings {\"membersCanCreateGroups\": false}).")
    @Errors(403)
    Group create(Caller caller, @RequestBody CreateMyGroup body) {
        if (!settings.find(caller.spotId()).membersCanCreateGroups()) {
            throw new ForbiddenException("groups.create", "this Spot does not let its members create groups "
                    + "(membersCanCreateGroups is false): only operators create them");
        }
        return groups.createCommunity(caller.spotId(), body.name(), body.description(), null, null, List.of(),
                JoinSettings.DEFAULT, caller.memberId(), CommunityInput.EMPTY);
    }
}
