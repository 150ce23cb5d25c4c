package dev.cohort.smartgroups;

import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A smart group's exceptions: members always included or excluded whatever its rule says, applied at once. */
@Service
class SmartGroupExceptions {
    private final SmartGroupService smartGroups;
    private final ExceptionRepository exceptions;
    private final RuleRepository rules;
    private final MembershipReconciler reconciler;

    SmartGroupExceptions(SmartGroupService smartGroups, ExceptionRepository exceptions, RuleRepository rules,
                         MembershipReconciler reconciler) {
        this.smartGroups = smartGroups;
        this.exceptions = exceptions;
        this.rules = rules;
        this.reconciler = reconciler;
    }

    public record ExceptionsAdded(List<String> addedSpotMemberIds, List<String> failedSpotMemberIds) {
    }

    /** Lists members as always included in or always excluded from the group, and applies it at once. */
    @Transactional
    public ExceptionsAdded addExceptions(UUID spotId, UUID groupId, List<String> memberIds, String type) {
        smartGroups.requireSmart(spotId, groupId);
        Map<String, UUID> parsed = Ids.parseEach(memberIds);
        rules.lockSpot(spotId, false);
        Set<UUID> listed = new HashSet<>(exceptions.addExceptions(spotId, groupId,
                new LinkedHashSet<>(parsed.values()).toArray(UUID[]::new), type));
        reconciler.reconcile(spotId, List.of(groupId), listed);
        List<String> added = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String text : new LinkedHashSet<>(memberIds)) {
            UUID id = parsed.get(text);
            (id != null && listed.contains(id) ? added : failed).add(text);
        }
        return new ExceptionsAdded(added, failed);
    }

    /** Removes exceptions (of one type, or any); the members are then in the group if and only if the rule says so. */
    @Transactional
    public int removeExceptions(UUID spotId, UUID groupId, List<UUID> memberIds, String type) {
        smartGroups.requireSmart(spotId, groupId);
        rules.lockSpot(spotId, false);
        List<UUID> removed = exceptions.removeExceptions(spotId, groupId, memberIds.toArray(UUID[]::new), type);
        reconciler.reconcile(spotId, List.of(groupId), removed);
        return removed.size();
    }

    public ListPage<ExceptionRepository.RuleException> exceptions(UUID spotId, UUID groupId, String where,
                                                                  Map<String, Object> params, Paging paging) {
        smartGroups.requireSmart(spotId, groupId);
        return exceptions.exceptionPage(spotId, groupId, where, params, paging);
    }
}
