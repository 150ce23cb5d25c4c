package dev.cohort.joining;

import dev.cohort.communities.Community;
import dev.cohort.web.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A member's answers to a community group's membership questions, checked against them: each answer names a
 * question of the group once, and every required question has a non-blank answer. Every problem is reported at
 * once: {@code answers[i].questionId} for an unknown or repeated question, {@code answers[<questionId>]} for a
 * required question left unanswered.
 */
final class MembershipAnswers {
    static final int MAX_ANSWER = 2000;

    private MembershipAnswers() {
    }

    /** An answer as the member sends it. */
    @Schema(name = "MembershipAnswer")
    record Given(@NotNull @Size(min = 1, max = 64) @Schema(description = "The id of one of the group's "
                         + "membershipQuestions", example = "q1") String questionId,
                 @NotNull @Size(max = MAX_ANSWER) @Schema(description = "Text, up to 2,000 characters",
                         example = "I test our app every week") String answer) {
    }

    /** An answer as a join request keeps and shows it: the question as it was asked, and the answer. */
    @Schema(name = "JoinRequestAnswer")
    record Stored(String questionId, String question, String answer) {
    }

    /** The answers in the order of the group's questions (blank answers to optional questions left out). */
    static List<Stored> check(List<Community.Question> questions, List<Given> answers) {
        Problems problems = new Problems();
        Map<String, Community.Question> byId = questions.stream()
                .collect(Collectors.toMap(Community.Question::id, q -> q, (a, b) -> a));
        Map<String, String> given = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Given answer = answers.get(i);
            if (!byId.containsKey(answer.questionId())) {
                problems.add("answers[" + i + "].questionId", "unknown question"
                        + (byId.isEmpty() ? ": this group asks no membership questions"
                        : ": this group asks " + byId.keySet().stream().sorted().toList()));
            } else if (!seen.add(answer.questionId())) {
                problems.add("answers[" + i + "].questionId", "answered twice");
            } else {
                given.put(answer.questionId(), answer.answer().strip());
            }
        }
        for (Community.Question question : questions) {
            String answer = given.get(question.id());
            if (question.required() && (answer == null || answer.isEmpty())) {
                problems.add("answers[" + question.id() + "]", "is required: " + question.question());
            }
        }
        problems.throwIfAny();
        return questions.stream().filter(q -> given.containsKey(q.id()) && !given.get(q.id()).isEmpty())
                .map(q -> new Stored(q.id(), q.question(), given.get(q.id()))).toList();
    }
}
