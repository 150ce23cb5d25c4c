package dev.cohort.members;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The spot-member endpoints of the MeltingSpot API, plus Cohort's delete. */
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
    @Filtered(MemberFilters.class)
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

    @Body(echoes = SpotMember.class)
    @Schema(description = "A member to invite (or, for a host platform, to create with its details)")
    record CreateSpotMember(
            @NotBlank @Schema(example = "ada@example.com", description = "Unique in the Spot, case-insensitively")
            String email,
            @Schema(description = "Accepted for compatibility; Cohort sends no invitation email here")
            Boolean withEmailNotification,
            @Schema(example = "Ada") String firstname,
            @Schema(example = "Lovelace") String lastname,
            @Schema(example = "Countess") String title,
            @Schema(allowableValues = {"en", "fr", "de", "it", "es", "pt", "nl"}, description = "Default en")
            String lang,
            @Schema(allowableValues = {"Member", "Admin"}, description = "Default Member") String role,
            @Schema(description = "One of the Spot's custom roles") UUID customRoleId,
            @Schema(allowableValues = {"Accepted", "Deactivated", "DeclinedInvitation", "Invited", "Left", "Pending",
                    "Rejected"}, description = "Cohort: the initial status, default Invited") String status,
            String avatarUrl,
            @Schema(description = "Cohort: where the member came from (free JSON object, readable by smart group "
                    + "rules)") Map<String, Object> registrationSource) {
        CreateSpotMember {
            if (!MemberService.validEmail(email)) {
                throw new InvalidInputException("email", "must be an email address");
            }
        }
    }

    @PostMapping("/v1/spotMembers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSpotMember", summary = "Invite (create) a spot member by email",
            description = "Cohort also accepts firstname, lastname, title, lang, role, customRoleId, avatarUrl, "
                    + "registrationSource and an initial status (default Invited). A second member with the same "
                    + "email (case-insensitive) is a 409.")
    @Errors(409)
    SpotMember create(Caller caller, @RequestBody CreateSpotMember body) {
        return members.create(caller.spotId(), new NewMember(body.email(), body.firstname(), body.lastname(),
                body.title(), body.lang(), body.role(), body.customRoleId(), body.status(), body.avatarUrl(),
                body.registrationSource()));
    }

    @Body
    record BulkInviteSpotMembers(
            @NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) emails",
                    example = "[\"ada@example.com\", \"alan@example.com\"]") List<String> emails,
            @Schema(description = "Accepted for compatibility; Cohort sends no invitation email here")
            Boolean withEmailNotification) {
    }

    record BulkInviteResult(List<SpotMember> created,
                            @Schema(description = "The emails not invited (invalid, repeated or already used), as "
                                    + "MeltingSpot's member stubs: every field but email is null")
                            List<Map<String, Object>> failed) {
    }

    @PostMapping("/v1/spotMembers~bulkInvite")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "bulkInviteSpotMembers", summary = "Invite several members by email",
            description = "Invalid, repeated or already used emails are returned in 'failed'. 413 over the bulk limit.")
    @Errors(413)
    BulkInviteResult bulkInvite(Caller caller, @RequestBody BulkInviteSpotMembers body) {
        TooLargeException.check("emails", settings.bulkLimit(), body.emails());
        MemberService.BulkInvite result = members.invite(caller.spotId(), body.emails());
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

    @Body(echoes = SpotMember.class, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are")
    record UpdateSpotMember(
            String firstname,
            String lastname,
            @Schema(description = "null clears it") Optional<String> title,
            @Schema(allowableValues = {"Member", "Admin"}) String role,
            @Schema(allowableValues = {"Accepted", "Deactivated", "DeclinedInvitation", "Invited", "Left", "Pending",
                    "Rejected"}) String status,
            @Schema(description = "null clears it") Optional<String> avatarUrl,
            @Schema(description = "default and any other keys, each a URL; null clears them")
            Optional<Map<String, String>> embedBaseUrls,
            @Schema(description = "One of the Spot's custom roles; null clears it") Optional<UUID> customRoleId,
            @NotBlank @Schema(description = "Cohort: a new email, unique in the Spot (409 otherwise)") String email,
            @Schema(allowableValues = {"en", "fr", "de", "it", "es", "pt", "nl"}, description = "Cohort")
            String lang) {
        UpdateSpotMember {
            if (email != null && !MemberService.validEmail(email)) {
                throw new InvalidInputException("email", "must be an email address");
            }
            if (embedBaseUrls != null && embedBaseUrls.isPresent()) {
                List<FieldProblem> problems = new ArrayList<>();
                embedBaseUrls.get().forEach((key, url) -> {
                    if (url == null) {
                        problems.add(new FieldProblem("embedBaseUrls." + key, "must be a string"));
                    }
                });
                if (!problems.isEmpty()) {
                    throw new InvalidInputException(problems);
                }
            }
        }
    }

    @PutMapping("/v1/spotMembers/{spotMemberId}")
    @Operation(operationId = "updateSpotMember", summary = "Update a spot member (every field optional)",
            description = "firstname, lastname, title, role, status, avatarUrl, embedBaseUrls, customRoleId, and "
                    + "Cohort's email and lang. null clears title, avatarUrl, embedBaseUrls and customRoleId. A body "
                    + "that changes nothing changes nothing (updatedAt included). The read-only fields of the "
                    + "SpotMember (id, dates, tagIds, ...) are ignored, so a member read can be sent back.")
    @Errors(409)
    SpotMember update(Caller caller, @PathVariable UUID spotMemberId, @RequestBody UpdateSpotMember body) {
        Map<String, Object> columns = new LinkedHashMap<>();
        put(columns, "firstname", body.firstname());
        put(columns, "lastname", body.lastname());
        put(columns, "title", body.title());
        put(columns, "avatar_url", body.avatarUrl());
        put(columns, "email", body.email());
        put(columns, "role", body.role());
        put(columns, "status", body.status());
        put(columns, "lang", body.lang());
        put(columns, "custom_role_id", body.customRoleId());
        if (body.embedBaseUrls() != null) {
            columns.put("embed_base_urls", body.embedBaseUrls().map(MemberRows::toJson).orElse(null));
        }
        return members.update(caller.spotId(), spotMemberId, columns);
    }

    /** A field that was sent: its value, or null for an {@link Optional} sent as null (a cleared field). */
    private static void put(Map<String, Object> columns, String column, Object value) {
        if (value instanceof Optional<?> optional) {
            columns.put(column, optional.orElse(null));
        } else if (value != null) {
            columns.put(column, value);
        }
    }

    @DeleteMapping("/v1/spotMembers/{spotMemberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteSpotMember", summary = "Delete a spot member (Cohort)",
            description = "Removes the member from the Spot, its groups, tags and custom property values. 409 "
                    + "naming the community groups the member owns, if any (delete them first); nothing is deleted.")
    @Errors(409)
    void delete(Caller caller, @PathVariable UUID spotMemberId) {
        members.delete(caller.spotId(), spotMemberId);
    }
}
