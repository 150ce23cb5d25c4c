package dev.cohort.members;

import dev.cohort.spots.Caller;
import dev.cohort.web.JsonBody;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

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

    @GetMapping
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
                    + "spot.member.invite.*, course.limited.*, course.full.*, collection.full.*, collection.limited.*) "
                    + "are optional.")
    CustomRole create(Caller caller, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        String label = label(json, json.requiredText("label"));
        String description = description(json);
        List<String> permissions = json.has("permissions") ? permissions(json) : List.of();
        json.validate();
        return roles.create(caller.spotId(), label, description, permissions);
    }

    @GetMapping("/{customRoleId}")
    @Operation(operationId = "getCustomRole", summary = "Get a custom role",
            description = "404 when the role does not exist in the caller's Spot.")
    CustomRole get(Caller caller, @PathVariable UUID customRoleId) {
        return roles.get(caller.spotId(), customRoleId);
    }

    @PutMapping("/{customRoleId}")
    @Operation(operationId = "updateCustomRole", summary = "Update a custom role",
            description = "Every field optional; permissions replaces the whole set; null clears description.")
    CustomRole update(Caller caller, @PathVariable UUID customRoleId, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        Map<String, Object> columns = new LinkedHashMap<>();
        if (json.has("label")) {
            columns.put("label", label(json, json.requiredText("label")));
        }
        if (json.has("description")) {
            columns.put("description", description(json));
        }
        if (json.has("permissions")) {
            columns.put("permissions", permissions(json).toArray(String[]::new));
        }
        json.validate();
        return roles.update(caller.spotId(), customRoleId, columns);
    }

    @DeleteMapping("/{customRoleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteCustomRole", summary = "Delete a custom role (Cohort)",
            description = "The members who held it stay in the Spot with customRoleId null.")
    void delete(Caller caller, @PathVariable UUID customRoleId) {
        roles.delete(caller.spotId(), customRoleId);
    }

    private static String label(JsonBody json, String label) {
        if (label != null && label.length() > LABEL_MAX) {
            json.problem("label", "must be at most " + LABEL_MAX + " characters");
        }
        return label;
    }

    private static String description(JsonBody json) {
        String description = json.text("description");
        if (description != null && description.length() > DESCRIPTION_MAX) {
            json.problem("description", "must be at most " + DESCRIPTION_MAX + " characters");
        }
        return description;
    }

    /** The permissions array, each value one of the documented ones; repeated values count once. */
    private static List<String> permissions(JsonBody json) {
        JsonNode value = json.node().get("permissions");
        if (value == null || !value.isArray()) {
            json.problem("permissions", "must be an array of " + CustomRole.PERMISSIONS);
            return List.of();
        }
        List<String> permissions = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isString() || !CustomRole.PERMISSIONS.contains(item.stringValue())) {
                json.problem("permissions[" + i + "]", "must be one of " + CustomRole.PERMISSIONS);
            } else if (!permissions.contains(item.stringValue())) {
                permissions.add(item.stringValue());
            }
        }
        return permissions;
    }
}
