package dev.cohort.joining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.communities.Community;
import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answers to a community group's membership questions, checked against them (issue 16). */
class MembershipAnswersTest {
    private static final List<Community.Question> QUESTIONS = List.of(
            new Community.Question("why", "Why?", true), new Community.Question("where", "Where?", false));

    private static MembershipAnswers.Given answer(String id, String text) {
        return new MembershipAnswers.Given(id, text);
    }

    private static List<String> fields(Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
        return List.of();
    }

    @Test
    void answers_are_kept_in_the_order_of_the_questions_trimmed_with_the_question_asked() {
        assertThat(MembershipAnswers.check(QUESTIONS, List.of(answer("where", " Paris "), answer("why", "Fun"))))
                .containsExactly(new MembershipAnswers.Stored("why", "Why?", "Fun"),
                        new MembershipAnswers.Stored("where", "Where?", "Paris"));
    }

    @Test
    void a_blank_answer_to_an_optional_question_is_left_out() {
        assertThat(MembershipAnswers.check(QUESTIONS, List.of(answer("why", "Fun"), answer("where", "  "))))
                .containsExactly(new MembershipAnswers.Stored("why", "Why?", "Fun"));
    }

    @Test
    void a_required_question_unanswered_or_answered_blank_is_named_by_its_id() {
        assertThat(fields(() -> MembershipAnswers.check(QUESTIONS, List.of()))).containsExactly("answers[why]");
        assertThat(fields(() -> MembershipAnswers.check(QUESTIONS, List.of(answer("why", " \n")))))
                .containsExactly("answers[why]");
    }

    @Test
    void unknown_and_repeated_questions_are_named_by_their_place_with_every_other_problem() {
        assertThat(fields(() -> MembershipAnswers.check(QUESTIONS, List.of(answer("what", "x"),
                answer("where", "a"), answer("where", "b"))))).containsExactly("answers[0].questionId",
                "answers[2].questionId", "answers[why]");
    }

    @Test
    void a_group_without_questions_takes_no_answers_and_says_so() {
        assertThatThrownBy(() -> MembershipAnswers.check(List.of(), List.of(answer("why", "x"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("asks no membership questions");
        assertThat(MembershipAnswers.check(List.of(), List.of())).isEmpty();
    }
}
