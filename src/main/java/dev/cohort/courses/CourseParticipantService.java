package dev.cohort.courses;

import dev.cohort.access.CompletionRates;
import dev.cohort.access.ParticipantsReenrolled;
import dev.cohort.errors.NotFoundException;
import dev.cohort.members.MemberService;
import dev.cohort.resources.ResourceService;
import dev.cohort.resources.ResourceType;
import dev.cohort.web.ListPage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The participants table of a course, unenrolment, and what re-enrolment resets (rules 13-14). */
@Service
class CourseParticipantService implements CompletionRates {
    private final ParticipantTable table;
    private final ProgressRepository progress;
    private final StepRepository steps;
    private final ResourceService resources;
    private final MemberService members;

    CourseParticipantService(ParticipantTable table, ProgressRepository progress, StepRepository steps,
                             ResourceService resources, MemberService members) {
        this.table = table;
        this.progress = progress;
        this.steps = steps;
        this.resources = resources;
        this.members = members;
    }

    @Transactional(readOnly = true)
    ListPage<CourseParticipantView> list(UUID spotId, UUID courseId, ParticipantTable.Query query) {
        resources.require(spotId, ResourceType.COURSE, courseId);
        ListPage<ParticipantTable.Entry> page = table.page(spotId, courseId, query);
        return new ListPage<>(views(spotId, courseId, page.items()), page.total());
    }

    @Transactional(readOnly = true)
    CourseParticipantView get(UUID spotId, UUID courseId, UUID participantId) {
        resources.require(spotId, ResourceType.COURSE, courseId);
        ParticipantTable.Entry entry = table.byId(spotId, courseId, participantId)
                .orElseThrow(() -> new NotFoundException("Participant"));
        return views(spotId, courseId, List.of(entry)).get(0);
    }

    private List<CourseParticipantView> views(UUID spotId, UUID courseId, List<ParticipantTable.Entry> entries) {
        List<Step> current = steps.list(spotId, courseId);
        Map<UUID, Map<UUID, ProgressRepository.Completion>> completions = progress.completions(spotId, courseId,
                entries.stream().map(e -> e.row().memberId()).toArray(UUID[]::new));
        return entries.stream().map(e -> CourseParticipantView.of(e.row(), e.done(), current,
                completions.getOrDefault(e.row().memberId(), Map.of()))).toList();
    }

    /**
     * Unenrols members from any status (rule 14): they stay listed as Unenrolled with their completion data, lose
     * access to a secret course, and can be re-invited. Unknown or malformed ids are a 400 and change nothing.
     *
     * @return how many participants became Unenrolled
     */
    @Transactional
    int unenrol(UUID spotId, UUID courseId, List<UUID> memberIds) {
        resources.require(spotId, ResourceType.COURSE, courseId);
        UUID[] ids = members.requireMembers(spotId, memberIds, "spotMemberIds");
        return progress.unenrol(spotId, courseId, ids).size();
    }

    /** Re-enrolment starts the course afresh: the earlier progress goes (the status and dates were reset). */
    @EventListener
    void onReenrolled(ParticipantsReenrolled event) {
        progress.reset(event.spotId(), event.resourceId(), event.memberIds().toArray(UUID[]::new));
    }

    @Override
    public Map<UUID, Integer> of(UUID spotId, UUID courseId, UUID[] memberIds) {
        int count = progress.stepCount(spotId, courseId);
        Map<UUID, Integer> rates = new HashMap<>();
        progress.completedCounts(spotId, courseId, memberIds)
                .forEach((member, done) -> rates.put(member, CourseParticipantView.rate(done, count)));
        return rates;
    }
}
