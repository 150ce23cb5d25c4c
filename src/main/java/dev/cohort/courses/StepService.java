package dev.cohort.courses;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.resources.ResourceService;
import dev.cohort.resources.ResourceType;
import dev.cohort.web.Ids;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a course. At most one conclusion, always last: new steps go before it and a reorder must keep it
 * there; it can be deleted only when it is the course's only step. A module is a title shared by consecutive steps.
 * Every edit checks the whole result first and locks the course, so bad input changes nothing.
 */
@Service
class StepService {
    private final StepRepository steps;
    private final ResourceService resources;

    StepService(StepRepository steps, ResourceService resources) {
        this.steps = steps;
        this.resources = resources;
    }

    List<Step> list(UUID spotId, UUID courseId) {
        resources.require(spotId, ResourceType.COURSE, courseId);
        return steps.list(spotId, courseId);
    }

    @Transactional
    Step create(UUID spotId, UUID courseId, String kind, String title, String body, String module, Quiz quiz) {
        List<FieldProblem> problems = new ArrayList<>();
        module = module(module, problems);
        quiz(kind, quiz, problems);
        throwIfAny(problems);
        List<Step> current = lock(spotId, courseId);
        boolean hasConclusion = !current.isEmpty() && current.get(current.size() - 1).isConclusion();
        if (kind.equals(Step.CONCLUSION) && hasConclusion) {
            throw new InvalidInputException("kind", "the course has its conclusion step already (one per course)");
        }
        int position = hasConclusion ? current.size() : current.size() + 1;
        List<String> modules = new ArrayList<>(current.stream().map(Step::module).toList());
        modules.add(position - 1, module);
        checkModules(modules);
        return steps.insert(spotId, courseId, position, kind, title, body, module, quiz);
    }

    /**
     * Changes the fields given: {@code null} leaves a field as it is, {@code Optional.empty()} clears it (the
     * quiz of a quiz step cannot be cleared). {@code kind}, when given, must be the step's own.
     */
    @Transactional
    Step update(UUID spotId, UUID courseId, UUID stepId, String kind, String title, Optional<String> body,
                Optional<String> module, Optional<Quiz> quiz) {
        List<Step> current = lock(spotId, courseId);
        Step step = find(current, stepId);
        List<FieldProblem> problems = new ArrayList<>();
        if (kind != null && !kind.equals(step.kind())) {
            problems.add(new FieldProblem("kind", "cannot be changed (it is " + step.kind()
                    + "); delete the step and add another"));
        }
        String newModule = module == null ? step.module() : module(module.orElse(null), problems);
        Quiz newQuiz = step.quiz();
        if (quiz != null) {
            newQuiz = quiz.orElse(null);
            quiz(step.kind(), newQuiz, problems);
        }
        throwIfAny(problems);
        List<String> modules = new ArrayList<>(current.stream().map(Step::module).toList());
        modules.set(step.position() - 1, newModule);
        checkModules(modules);
        return steps.update(spotId, courseId, stepId, title == null ? step.title() : title,
                body == null ? step.body() : body.orElse(null), newModule, newQuiz);
    }

    /** A module title, trimmed; it may be absent but not blank. */
    private static String module(String module, List<FieldProblem> problems) {
        if (module != null && module.isBlank()) {
            problems.add(new FieldProblem("module", "must not be empty"));
            return null;
        }
        return module == null ? null : module.trim();
    }

    /** A quiz step needs a quiz that keeps the quiz rules; the other steps have none. */
    private static void quiz(String kind, Quiz quiz, List<FieldProblem> problems) {
        if (Step.QUIZ.equals(kind)) {
            if (quiz == null) {
                problems.add(new FieldProblem("quiz", "is required for a quiz step: {passScore, questions: "
                        + "[{question, choices, correct}]}"));
            } else {
                Quiz.check(quiz, "quiz", problems);
            }
        } else if (quiz != null) {
            problems.add(new FieldProblem("quiz", "only a quiz step has a quiz"));
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    @Transactional
    void delete(UUID spotId, UUID courseId, UUID stepId) {
        List<Step> current = lock(spotId, courseId);
        Step step = find(current, stepId);
        if (step.isConclusion() && current.size() > 1) {
            throw new ConflictException("stepId", "the conclusion step can only be deleted when it is the last "
                    + "step left: a course keeps exactly one conclusion");
        }
        List<String> modules = new ArrayList<>(current.stream().map(Step::module).toList());
        modules.remove(step.position() - 1);
        checkModules(modules);
        steps.delete(spotId, courseId, step);
    }

    /** Puts the steps in the order of {@code stepIds}, which must name each step of the course exactly once. */
    @Transactional
    List<Step> reorder(UUID spotId, UUID courseId, List<String> texts) {
        List<Step> current = lock(spotId, courseId);
        List<UUID> ids = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<UUID> known = new HashSet<>(current.stream().map(Step::id).toList());
        for (int i = 0; i < texts.size(); i++) {
            UUID id = Ids.parse(texts.get(i));
            if (id == null || !known.contains(id)) {
                problems.add(new FieldProblem("stepIds[" + i + "]", "is not a step of this course"));
            } else if (ids.contains(id)) {
                problems.add(new FieldProblem("stepIds[" + i + "]", "appears twice"));
            }
            ids.add(id);
        }
        if (problems.isEmpty() && ids.size() != current.size()) {
            List<UUID> missing = current.stream().map(Step::id).filter(id -> !ids.contains(id)).toList();
            problems.add(new FieldProblem("stepIds", "must list every step of the course once; "
                    + "missing: " + missing));
        }
        throwIfAny(problems);
        List<Step> ordered = ids.stream().map(id -> find(current, id)).toList();
        for (int i = 0; i < ordered.size() - 1; i++) {
            if (ordered.get(i).isConclusion()) {
                throw new InvalidInputException("stepIds[" + i + "]", "the conclusion step must stay last");
            }
        }
        checkModules(ordered.stream().map(Step::module).toList());
        steps.reorder(spotId, courseId, ids.toArray(UUID[]::new));
        return steps.list(spotId, courseId);
    }

    private List<Step> lock(UUID spotId, UUID courseId) {
        if (!steps.lockCourse(spotId, courseId)) {
            throw new NotFoundException("Course");
        }
        return steps.list(spotId, courseId);
    }

    static Step find(List<Step> steps, UUID stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Step"));
    }

    /** The steps of one module must be consecutive, so that the module reads as one block. */
    static void checkModules(List<String> modules) {
        Set<String> closed = new HashSet<>();
        String open = null;
        for (String module : modules) {
            if (Objects.equals(module, open)) {
                continue;
            }
            if (open != null) {
                closed.add(open);
            }
            if (module != null && closed.contains(module)) {
                throw new InvalidInputException("module", "the steps of module \"" + module
                        + "\" must be consecutive");
            }
            open = module;
        }
    }
}
