package dev.cohort.members;

import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Spot members")
class MemberController {
    private final MemberService members;
    private final Settings settings;

    MemberController(MemberService members, Settings settings) {
        this.members = members;
        this.settings = settings;
    }

    @GetMapping("/v1/spotMembers")
    @Operation(operationId = "listSpotMembers", summary = "List spot members, alphabetically",
            description = "Filters: email[in], firstname[in], lastname[in], customRoleId[eq], invitationDate[before|after], "
                    + "registrationDate[before|after] (Unix timestamps), and Cohort's status[..], role[..], lang[..], "
                    + "lastActivityAt[..], updatedAt[..], tags[in|notin] (ids or names), search; operators eq neq gt gte "
                    + "lt lte in notin contains before after as each field allows.")
    ListPage<SpotMember> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return members.list(caller.spotId(), query);
    }

    @GetMapping("/v1/spotMembers/{spotMemberId}")
    @Operation(operationId = "getSpotMember", summary = "Get a spot member",
            description = "404 when the member does not exist in the caller's Spot.")
    SpotMember get(Caller caller, @PathVariable UUID spotMemberId) {
        return members.get(caller.spotId(), spotMemberId);
    }

    @PostMapping("/v1/spotMembers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSpotMember", summary = "Invite (create) a spot member by email",
            description = "Cohort also accepts firstname, lastname, title, lang, role, customRoleId, avatarUrl, "
                    + "registrationSource and an initial status (default Invited). A second member with the same "
                    + "email (case-insensitive) is a 409.")
    SpotMember create(Caller caller, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        String email = json.requiredText("email");
        if (email != null && !MemberService.validEmail(email)) {
            json.problem("email", "must be an email address");
        }
        json.bool("withEmailNotification");
        JsonNode source = json.node().get("registrationSource");
        if (source != null && !source.isNull() && !source.isObject()) {
            json.problem("registrationSource", "must be an object");
        }
        NewMember member = new NewMember(email, json.text("firstname"), json.text("lastname"), json.text("title"),
                json.oneOf("lang", MemberStatus.LANGS), json.oneOf("role", MemberStatus.ROLES),
                json.uuid("customRoleId"), json.oneOf("status", MemberStatus.ALL), json.text("avatarUrl"),
                source == null || !source.isObject() ? null : toMap(source));
        json.validate();
        return members.create(caller.spotId(), member);
    }

    record BulkInviteResult(List<SpotMember> created, List<Map<String, Object>> failed) {
    }

    @PostMapping("/v1/spotMembers~bulkInvite")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "bulkInviteSpotMembers", summary = "Invite several members by email",
            description = "Invalid, repeated or already used emails are returned in 'failed'. 413 over the bulk limit.")
    BulkInviteResult bulkInvite(Caller caller, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        json.bool("withEmailNotification");
        List<String> emails = json.bulkList("emails", settings.bulkLimit());
        MemberService.BulkInvite result = members.invite(caller.spotId(), emails);
        List<Map<String, Object>> failed = new ArrayList<>();
        for (String email : result.failedEmails()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("email", email);
            for (String field : List.of("firstname", "lastname", "title", "role", "avatarUrl", "lang", "theme",
                    "timezone")) {
                item.put(field, null);
            }
            failed.add(item);
        }
        return new BulkInviteResult(result.created(), failed);
    }

    @PutMapping("/v1/spotMembers/{spotMemberId}")
    @Operation(operationId = "updateSpotMember", summary = "Update a spot member (every field optional)",
            description = "firstname, lastname, title, role, status, avatarUrl, embedBaseUrls, customRoleId, and "
                    + "Cohort's email and lang. null clears title, avatarUrl and customRoleId.")
    SpotMember update(Caller caller, @PathVariable UUID spotMemberId, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        Map<String, Object> columns = new LinkedHashMap<>();
        text(json, columns, "firstname", "firstname", false);
        text(json, columns, "lastname", "lastname", false);
        text(json, columns, "title", "title", true);
        text(json, columns, "avatarUrl", "avatar_url", true);
        if (json.has("email")) {
            String email = json.requiredText("email");
            if (email != null && !MemberService.validEmail(email)) {
                json.problem("email", "must be an email address");
            }
            columns.put("email", email);
        }
        enumeration(json, columns, "role", "role", MemberStatus.ROLES);
        enumeration(json, columns, "status", "status", MemberStatus.ALL);
        enumeration(json, columns, "lang", "lang", MemberStatus.LANGS);
        if (json.has("customRoleId")) {
            columns.put("custom_role_id", json.uuid("customRoleId"));
        }
        if (json.has("embedBaseUrls")) {
            JsonNode urls = json.node().get("embedBaseUrls");
            if (urls.isNull()) {
                columns.put("embed_base_urls", null);
            } else if (!urls.isObject() || urls.properties().stream().anyMatch(e -> !e.getValue().isString())) {
                json.problem("embedBaseUrls", "must be an object of strings");
            } else {
                columns.put("embed_base_urls", urls.toString());
            }
        }
        json.validate();
        return members.update(caller.spotId(), spotMemberId, columns);
    }

    @DeleteMapping("/v1/spotMembers/{spotMemberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteSpotMember", summary = "Delete a spot member (Cohort)",
            description = "Removes the member from the Spot, its groups, tags and custom property values.")
    void delete(Caller caller, @PathVariable UUID spotMemberId) {
        members.delete(caller.spotId(), spotMemberId);
    }

    private static void text(JsonBody json, Map<String, Object> columns, String field, String column,
                             boolean nullable) {
        if (!json.has(field)) {
            return;
        }
        String value = json.text(field);
        if (value == null && !nullable && json.node().get(field).isNull()) {
            json.problem(field, "must not be null");
            return;
        }
        columns.put(column, value);
    }

    private static void enumeration(JsonBody json, Map<String, Object> columns, String field, String column,
                                    List<String> allowed) {
        if (!json.has(field)) {
            return;
        }
        String value = json.oneOf(field, allowed);
        if (value == null && json.node().get(field).isNull()) {
            json.problem(field, "must be one of " + allowed);
        }
        columns.put(column, value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode node) {
        return tools.jackson.databind.json.JsonMapper.builder().build().convertValue(node, Map.class);
    }
}
