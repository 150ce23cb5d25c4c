package dev.cohort.communities;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.spots.Caller;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * Content reported in community groups (SPEC rule 21): members report, moderators and above are told in-app and
 * resolve; each operation allowed by {@link CommunityAuthority} at its top.
 */
@Service
class CommunityReports {
    static final Filters.Spec FILTERS = Filters.spec()
            .enumeration("status", "r.status", List.of("Open", "Dismissed", "Removed"), Filters.Op.eq)
            .enumeration("contentType", "r.content_type", List.of("message", "topic", "comment", "member", "other"),
                    Filters.Op.eq);

    private final CommunityAuthority authority;
    private final ReportRepository reports;

    CommunityReports(CommunityAuthority authority, ReportRepository reports) {
        this.authority = authority;
        this.reports = reports;
    }

    /** A report, and whether this call filed it (false: the member had reported this content already). */
    record Filed(GroupReport report, boolean created) {
    }

    /**
     * Files the caller's report of {@code contentId}; a second report of the same content by the same member
     * changes nothing and answers the first. A group that does not take reports is a conflict.
     */
    @Transactional
    Filed report(Caller caller, UUID groupId, String contentType, String contentId, String reason) {
        CommunityAuthority.Actor actor = authority.require(caller, groupId, CommunityAction.REPORT);
        if (!actor.community().reportsEnabled()) {
            throw new ConflictException("reportsEnabled", "this group does not take reports (reportsEnabled is "
                    + "false)");
        }
        UUID spotId = caller.spotId();
        return reports.create(spotId, groupId, caller.memberId(), contentType, contentId, reason)
                .map(report -> new Filed(report, true))
                .orElseGet(() -> new Filed(reports.find(spotId, groupId, caller.memberId(), contentType, contentId)
                        .orElseThrow(() -> new IllegalStateException("a report that is neither new nor there")),
                        false));
    }

    ListPage<GroupReport> list(Caller caller, UUID groupId, MultiValueMap<String, String> query) {
        ListQuery list = ListQuery.read(query, FILTERS);
        authority.require(caller, groupId, CommunityAction.MODERATE_REPORTS);
        return reports.page(caller.spotId(), groupId, list);
    }

    /**
     * Resolves an open report: {@code dismissed} (nothing wrong) or {@code removed} (the host removes the content).
     * Of two resolutions at once, one wins; a resolved report is a conflict.
     */
    @Transactional
    GroupReport resolve(Caller caller, UUID groupId, UUID reportId, String resolution, String note) {
        authority.require(caller, groupId, CommunityAction.MODERATE_REPORTS);
        String status = resolution.equals("removed") ? "Removed" : "Dismissed";
        return reports.resolve(caller.spotId(), groupId, reportId, status, note, caller.memberId())
                .orElseThrow(() -> {
                    GroupReport report = reports.find(caller.spotId(), groupId, reportId)
                            .orElseThrow(() -> new NotFoundException("Report"));
                    return new ConflictException("resolution", "the report was resolved already ("
                            + report.status() + ")");
                });
    }
}
