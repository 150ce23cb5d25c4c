package dev.cohort.courses;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A quiz step's questions, each with its choices and the indexes of the correct ones, and the score (a percentage)
 * needed to pass. A question is answered right when exactly its correct choices are chosen. The same shape is read
 * from a step's body and answered to operators, so that a quiz read can be sent back.
 *
 * <p>The body reader checks the JSON types and required fields; {@link #check} then checks the rules (score range,
 * choice counts, indexes) and reports every broken one at once, which is why the limits are documented with
 * {@code @Schema} and {@code @Size} rather than enforced by the reader.
 */
record Quiz(
        @NotNull @Schema(description = "The score needed to pass, a percentage", minimum = "0", maximum = "100",
                example = "50") int passScore,
        @NotNull @ArraySchema(minItems = 1) List<Question> questions) {

    @Schema(name = "QuizQuestion")
    record Question(
            @NotBlank @Schema(example = "2+2?") String question,
            @NotNull @ArraySchema(minItems = 2, arraySchema = @Schema(description = "At least two non-blank texts",
                    example = "[\"3\", \"4\", \"5\"]")) List<String> choices,
            @NotNull @ArraySchema(minItems = 1, uniqueItems = true, arraySchema = @Schema(description = "The indexes "
                    + "(from 0) of the correct choices", example = "[1]")) List<Integer> correct) {
    }

    /** What a member sees: no correct answers. */
    @Schema(name = "MemberQuiz")
    record Hidden(int passScore, List<HiddenQuestion> questions) {
    }

    @Schema(name = "MemberQuizQuestion")
    record HiddenQuestion(String question, List<String> choices) {
    }

    /** The result of one submission: score from 0 to 100 (rounded down) and whether it reaches the pass score. */
    record Result(int score, boolean passed) {
    }

    Hidden hidden() {
        return new Hidden(passScore, questions.stream().map(q -> new HiddenQuestion(q.question(), q.choices()))
                .toList());
    }

    Result score(List<Set<Integer>> answers) {
        int right = 0;
        for (int i = 0; i < questions.size(); i++) {
            if (answers.get(i).equals(new HashSet<>(questions.get(i).correct()))) {
                right++;
            }
        }
        int score = right * 100 / questions.size();
        return new Result(score, score >= passScore);
    }

    /** Adds to {@code problems} each rule {@code quiz} (as sent, at {@code path}) breaks. */
    static void check(Quiz quiz, String path, List<FieldProblem> problems) {
        if (quiz.passScore() < 0 || quiz.passScore() > 100) {
            problems.add(new FieldProblem(path + ".passScore", "must be an integer from 0 to 100"));
        }
        if (quiz.questions().isEmpty()) {
            problems.add(new FieldProblem(path + ".questions", "must be a non-empty array"));
            return;
        }
        for (int i = 0; i < quiz.questions().size(); i++) {
            String at = path + ".questions[" + i + "]";
            Question question = quiz.questions().get(i);
            List<String> choices = question.choices();
            if (choices.size() < 2) {
                problems.add(new FieldProblem(at + ".choices", "must be an array of at least two texts"));
            } else if (choices.stream().anyMatch(String::isBlank)) {
                problems.add(new FieldProblem(at + ".choices", "must be non-blank texts"));
            }
            List<Integer> correct = question.correct();
            if (correct.isEmpty() || !indexes(correct, choices.size())) {
                problems.add(new FieldProblem(at + ".correct",
                        "must be a non-empty array of distinct choice indexes (from 0)"));
            }
        }
    }

    /** Whether {@code indexes} are distinct and each below {@code size}. */
    static boolean indexes(List<Integer> indexes, int size) {
        Set<Integer> seen = new HashSet<>();
        for (int index : indexes) {
            if (index < 0 || index >= size || !seen.add(index)) {
                return false;
            }
        }
        return true;
    }

    /** The submitted answers, one array of chosen indexes per question; a 400 naming each bad one otherwise. */
    List<Set<Integer>> readAnswers(List<List<Integer>> chosen) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Set<Integer>> answers = new ArrayList<>();
        if (chosen.size() != questions.size()) {
            problems.add(new FieldProblem("answers", "must be an array with one array of chosen choice indexes per "
                    + "question (" + questions.size() + ")"));
        } else {
            for (int i = 0; i < questions.size(); i++) {
                int size = questions.get(i).choices().size();
                if (!indexes(chosen.get(i), size)) {
                    problems.add(new FieldProblem("answers[" + i + "]", "must be an array of distinct choice "
                            + "indexes from 0 to " + (size - 1)));
                } else {
                    answers.add(new HashSet<>(chosen.get(i)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return answers;
    }
}
