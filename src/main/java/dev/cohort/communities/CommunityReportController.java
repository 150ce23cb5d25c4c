package dev.cohort.communities;

import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reported content of a community group: members report; operators, and moderators and above, list and resolve. */
@RestController
class CommunityReportController {
    private static final String LIST = "Oldest first, paged. Filters: status[eq] (Open, Dismissed, Removed), "
            + "contentType[eq].";
    private static final String RESOLVE = "dismissed (Dismissed: nothing to do) or removed (Removed: the host removes "
            + "the content it names). 409 when the report was resolved already; 404 for an unknown report.";

    private final CommunityReports reports;

    CommunityReportController(CommunityReports reports) {
        this.reports = reports;
    }

    @Body
    @Schema(description = "Content a member reports")
    record ReportContent(
            @NotNull @Schema(allowableValues = {"message", "topic", "comment", "member", "other"}) String contentType,
            @NotBlank @Size(max = 255) @Schema(description = "The host's id of the content", example = "msg-8812")
            String contentId,
            @NotBlank @Size(max = 2000) @Schema(example = "Spam") String reason) {
    }

    @Body
    @Schema(description = "How a report is resolved")
    record ResolveReport(@NotNull @Schema(allowableValues = {"dismissed", "removed"}) String resolution,
                         @Size(max = 2000) @Schema(description = "Why; shown with the report") String note) {
    }

    @PostMapping("/v1/me/groups/{groupId}/reports")
    @Tag(name = "Me (member token)")
    @Operation(operationId = "reportGroupContent", summary = "Report content in a community group",
            description = "201 with the report, Open; the group's owner, admins and moderators, the Spot's Admins "
                    + "and groups.moderate holders get an in-app notification (GroupContentReported). Reporting the "
                    + "same content again: 200 with the first report, nothing new. 403 (groups.report) for a "
                    + "non-member; 409 when the group's reportsEnabled is false.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "Reported",
                            content = @Content(schema = @Schema(implementation = GroupReport.class))),
                    @ApiResponse(responseCode = "200", description = "Reported already: the first report",
                            content = @Content(schema = @Schema(implementation = GroupReport.class)))})
    @Errors({403, 409})
    ResponseEntity<GroupReport> report(Caller caller, @PathVariable UUID groupId, @RequestBody ReportContent body) {
        CommunityReports.Filed filed = reports.report(caller, groupId, body.contentType(), body.contentId(),
                body.reason());
        return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(filed.report());
    }

    @GetMapping("/v1/groups/{groupId}/reports")
    @Tag(name = "Community groups")
    @Filtered(CommunityReports.class)
    @Operation(operationId = "listGroupReports", summary = "List a community group's reported content (Cohort)",
            description = LIST + " 404 for a group of another kind.")
    ListPage<GroupReport> list(Caller caller, @PathVariable UUID groupId,
                               @RequestParam MultiValueMap<String, String> query) {
        return reports.list(caller, groupId, query);
    }

    @GetMapping("/v1/me/groups/{groupId}/reports")
    @Tag(name = "Me (member token)")
    @Filtered(CommunityReports.class)
    @Operation(operationId = "listMyGroupReports", summary = "List a community group's reported content",
            description = "For its moderators and above (403 naming groups.reports otherwise). " + LIST)
    @Errors(403)
    ListPage<GroupReport> listMine(Caller caller, @PathVariable UUID groupId,
                                   @RequestParam MultiValueMap<String, String> query) {
        return reports.list(caller, groupId, query);
    }

    @PostMapping("/v1/groups/{groupId}/reports/{reportId}~resolve")
    @Tag(name = "Community groups")
    @Operation(operationId = "resolveGroupReport", summary = "Resolve a reported content (Cohort)",
            description = RESOLVE)
    @Errors(409)
    GroupReport resolve(Caller caller, @PathVariable UUID groupId, @PathVariable UUID reportId,
                        @RequestBody ResolveReport body) {
        return reports.resolve(caller, groupId, reportId, body.resolution(), body.note());
    }

    @PostMapping("/v1/me/groups/{groupId}/reports/{reportId}~resolve")
    @Tag(name = "Me (member token)")
    @Operation(operationId = "resolveMyGroupReport", summary = "Resolve a reported content",
            description = "For the group's moderators and above (403 naming groups.reports otherwise). " + RESOLVE)
    @Errors({403, 409})
    GroupReport resolveMine(Caller caller, @PathVariable UUID groupId, @PathVariable UUID reportId,
                            @RequestBody ResolveReport body) {
        return reports.resolve(caller, groupId, reportId, body.resolution(), body.note());
    }
}
