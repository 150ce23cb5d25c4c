package dev.cohort.members;

import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The custom-role endpoints of the MeltingSpot API, plus Cohort's delete. */
@RestController
@RequestMapping("/v1/spotMemberCustomRole")
@Tag(name = "Custom roles")
class CustomRoleController {
    static final int LABEL_MAX = 255;
    static final int DESCRIPTION_MAX = 2000;

    private final CustomRoleService roles;

    CustomRoleController(CustomRoleService roles) {
        this.roles = roles;
    }

    @Body(echoes = CustomRole.class)
    @Schema(description = "A new custom role")
    record CreateCustomRole(
            @NotBlank @Size(max = LABEL_MAX) @Schema(example = "Moderator",
                    description = "Unique in the Spot, case-insensitively") String label,
            @Size(max = DESCRIPTION_MAX) @Schema(example = "Keeps order in lives and forums") String description,
            @ArraySchema(schema = @Schema(allowableValues = {"live.*", "live.full.*", "live.limited.*",
                    "moderation.*", "spot.member.invite.*", "course.limited.*", "course.full.*", "collection.full.*",
                    "collection.limited.*", "groups.moderate"}),
                    arraySchema = @Schema(description = "Repeated values count once; none when absent"))
            List<String> permissions) {
    }

    @Body(echoes = CustomRole.class, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are")
    record UpdateCustomRole(
            @NotBlank @Size(max = LABEL_MAX) String label,
            @Size(max = DESCRIPTION_MAX) @Schema(description = "null clears it") Optional<String> description,
            @ArraySchema(schema = @Schema(allowableValues = {"live.*", "live.full.*", "live.limited.*",
                    "moderation.*", "spot.member.invite.*", "course.limited.*", "course.full.*", "collection.full.*",
                    "collection.limited.*", "groups.moderate"}),
                    arraySchema = @Schema(description = "Replaces the whole set"))
            List<String> permissions) {
    }

    @GetMapping
    @Filtered(CustomRoleService.class)
    @Operation(operationId = "listCustomRoles", summary = "List custom roles, by label",
            description = "Filters: label[eq], label[contains], label[in] (comma-separated); label comparisons "
                    + "ignore case.")
    ListPage<CustomRole> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return roles.list(caller.spotId(), query);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCustomRole", summary = "Create a custom role",
            description = "label is required and unique in the Spot regardless of case (409 otherwise); description "
                    + "and permissions (array of " + "live.*, live.full.*, live.limited.*, moderation.*, "
                    + "spot.member.invite.*, course.limited.*, course.full.*, collection.full.*, collection.limited.*, and "
                    + "Cohort's groups.moderate: a moderator in every community group) "
                    + "are optional.")
    @Errors(409)
    CustomRole create(Caller caller, @RequestBody CreateCustomRole body) {
        return roles.create(caller.spotId(), body.label(), body.description(), distinct(body.permissions()));
    }

    @GetMapping("/{customRoleId}")
    @Operation(operationId = "getCustomRole", summary = "Get a custom role",
            description = "404 when the role does not exist in the caller's Spot.")
    CustomRole get(Caller caller, @PathVariable UUID customRoleId) {
        return roles.get(caller.spotId(), customRoleId);
    }

    @PutMapping("/{customRoleId}")
    @Operation(operationId = "updateCustomRole", summary = "Update a custom role",
            description = "Every field optional; permissions replaces the whole set; null clears description. The "
                    + "read-only id is ignored, so a role read can be sent back.")
    @Errors(409)
    CustomRole update(Caller caller, @PathVariable UUID customRoleId, @RequestBody UpdateCustomRole body) {
        Map<String, Object> columns = new LinkedHashMap<>();
        if (body.label() != null) {
            columns.put("label", body.label());
        }
        if (body.description() != null) {
            columns.put("description", body.description().orElse(null));
        }
        if (body.permissions() != null) {
            columns.put("permissions", distinct(body.permissions()).toArray(String[]::new));
        }
        return roles.update(caller.spotId(), customRoleId, columns);
    }

    @DeleteMapping("/{customRoleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteCustomRole", summary = "Delete a custom role (Cohort)",
            description = "The members who held it stay in the Spot with customRoleId null.")
    void delete(Caller caller, @PathVariable UUID customRoleId) {
        roles.delete(caller.spotId(), customRoleId);
    }

    /** The permissions in the order sent, repeated values once; none when absent. */
    private static List<String> distinct(List<String> permissions) {
        return permissions == null ? List.of() : List.copyOf(new LinkedHashSet<>(permissions));
    }
}
