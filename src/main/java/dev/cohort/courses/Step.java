package dev.cohort.courses;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A step of a course: {@code content}, {@code quiz} (with its quiz) or the final {@code conclusion}. */
record Step(UUID id, UUID courseId, int position, String kind, String title, String body, String module,
            Quiz quiz) {
    static final String CONTENT = "content";
    static final String QUIZ = "quiz";
    static final String CONCLUSION = "conclusion";
    static final List<String> KINDS = List.of(CONTENT, QUIZ, CONCLUSION);

    boolean isConclusion() {
        return CONCLUSION.equals(kind);
    }

    boolean isQuiz() {
        return QUIZ.equals(kind);
    }

    /** What an admin sees: everything, correct answers included. */
    @Schema(name = "CourseStep")
    record View(UUID id, UUID courseId, @Schema(description = "From 1") int position,
                @Schema(allowableValues = {CONTENT, QUIZ, CONCLUSION}) String kind, String title,
                @Nullable String body, @Nullable String module,
                @Schema(description = "A quiz step's quiz, with its correct answers; null for other steps")
                @Nullable Quiz quiz) {
        static View of(Step s) {
            return new View(s.id(), s.courseId(), s.position(), s.kind(), s.title(), s.body(), s.module(), s.quiz());
        }
    }
}
