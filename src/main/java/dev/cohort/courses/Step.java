package dev.cohort.courses;

import java.util.List;
import java.util.UUID;

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
    record View(UUID id, UUID courseId, int position, String kind, String title, String body, String module,
                Quiz quiz) {
        static View of(Step s) {
            return new View(s.id(), s.courseId(), s.position(), s.kind(), s.title(), s.body(), s.module(), s.quiz());
        }
    }
}
