package dev.cohort.communities;

import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The Spot's community settings, for operators. */
@RestController
@Tag(name = "Community groups")
class CommunitySettingsController {
    private final CommunitySettingsRepository settings;

    CommunitySettingsController(CommunitySettingsRepository settings) {
        this.settings = settings;
    }

    @Body(echoes = CommunitySettings.class, partial = true)
    @Schema(description = "The settings to change; absent fields are left as they are")
    record UpdateCommunitySettings(@Schema(description = "false: only operators create community groups")
                                   Boolean membersCanCreateGroups) {
    }

    @GetMapping("/v1/communitySettings")
    @Operation(operationId = "getCommunitySettings", summary = "Get the Spot's community settings (Cohort)",
            description = "membersCanCreateGroups (default true): whether members create community groups "
                    + "themselves with POST /v1/me/groups.")
    CommunitySettings get(Caller caller) {
        return settings.find(caller.spotId());
    }

    @PutMapping("/v1/communitySettings")
    @Operation(operationId = "updateCommunitySettings", summary = "Change the Spot's community settings (Cohort)",
            description = "{\"membersCanCreateGroups\": false}: members' POST /v1/me/groups is a 403 from then on; "
                    + "groups they created stay theirs. A body that changes nothing changes nothing.")
    CommunitySettings update(Caller caller, @RequestBody UpdateCommunitySettings body) {
        if (body.membersCanCreateGroups() != null) {
            settings.save(caller.spotId(), new CommunitySettings(body.membersCanCreateGroups()));
        }
        return settings.find(caller.spotId());
    }
}
