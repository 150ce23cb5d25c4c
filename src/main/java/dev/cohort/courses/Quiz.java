package dev.cohort.courses;

import dev.cohort.web.JsonBody;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A quiz step's questions, each with its choices and the indexes of the correct ones, and the score (a percentage)
 * needed to pass. A question is answered right when exactly its correct choices are chosen.
 */
record Quiz(int passScore, List<Question> questions) {

    record Question(String question, List<String> choices, List<Integer> correct) {
    }

    /** What a member sees: no correct answers. */
    record Hidden(int passScore, List<HiddenQuestion> questions) {
    }

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

    /** Reads a quiz from {@code node} (field {@code quiz}), recording every problem in {@code json}. */
    static Quiz read(JsonBody json, JsonNode node) {
        if (node == null || !node.isObject()) {
            json.problem("quiz", "is required for a quiz step: {passScore, questions: [{question, choices, correct}]}");
            return null;
        }
        JsonNode pass = node.get("passScore");
        int passScore = 0;
        if (pass == null || !pass.isIntegralNumber() || pass.asInt() < 0 || pass.asInt() > 100) {
            json.problem("quiz.passScore", "must be an integer from 0 to 100");
        } else {
            passScore = pass.asInt();
        }
        JsonNode items = node.get("questions");
        List<Question> questions = new ArrayList<>();
        if (items == null || !items.isArray() || items.isEmpty()) {
            json.problem("quiz.questions", "must be a non-empty array");
            return null;
        }
        for (int i = 0; i < items.size(); i++) {
            String at = "quiz.questions[" + i + "]";
            JsonNode item = items.get(i);
            JsonNode text = item.get("question");
            if (text == null || !text.isString() || text.asString().isBlank()) {
                json.problem(at + ".question", "is required");
            }
            List<String> choices = new ArrayList<>();
            JsonNode choiceNodes = item.get("choices");
            if (choiceNodes == null || !choiceNodes.isArray() || choiceNodes.size() < 2) {
                json.problem(at + ".choices", "must be an array of at least two texts");
            } else {
                for (JsonNode choice : choiceNodes) {
                    if (!choice.isString() || choice.asString().isBlank()) {
                        json.problem(at + ".choices", "must be non-blank texts");
                        break;
                    }
                    choices.add(choice.asString());
                }
            }
            List<Integer> correct = indexes(item.get("correct"), choices.size());
            if (correct == null || correct.isEmpty()) {
                json.problem(at + ".correct", "must be a non-empty array of distinct choice indexes (from 0)");
            }
            questions.add(new Question(text == null ? null : text.asString(), choices, correct));
        }
        return new Quiz(passScore, questions);
    }

    /** Distinct integer indexes below {@code size}, or null when {@code node} is anything else. */
    static List<Integer> indexes(JsonNode node, int size) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<Integer> indexes = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isIntegralNumber() || n.asInt() < 0 || n.asInt() >= size || indexes.contains(n.asInt())) {
                return null;
            }
            indexes.add(n.asInt());
        }
        return indexes;
    }

    /** The submitted answers, one array of chosen indexes per question; a 400 naming each bad one otherwise. */
    List<Set<Integer>> readAnswers(JsonBody json) {
        JsonNode node = json.node().get("answers");
        List<Set<Integer>> answers = new ArrayList<>();
        if (node == null || !node.isArray() || node.size() != questions.size()) {
            json.problem("answers", "must be an array with one array of chosen choice indexes per question ("
                    + questions.size() + ")");
        } else {
            for (int i = 0; i < questions.size(); i++) {
                List<Integer> chosen = indexes(node.get(i), questions.get(i).choices().size());
                if (chosen == null) {
                    json.problem("answers[" + i + "]", "must be an array of distinct choice indexes from 0 to "
                            + (questions.get(i).choices().size() - 1));
                } else {
                    answers.add(new HashSet<>(chosen));
                }
            }
        }
        json.validate();
        return answers;
    }
}
