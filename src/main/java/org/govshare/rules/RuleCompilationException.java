package org.govshare.rules;

import java.util.List;

import org.govshare.platform.web.InvalidInputException;

/**
 * A proposed rule set does not hold: a DRL file reaches beyond the rule language or does not compile, or a scenario does not come out as its file
 * expects. The rules in force stay in force. Answered as a 400 problem with one error per problem.
 */
public class RuleCompilationException extends InvalidInputException {

    private final transient List<Problem> problems;

    public RuleCompilationException(List<Problem> problems) {
        super(problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem, located for the rule author.
     *
     * @param file the file, relative to the rules location
     * @param line its line (0 when the file as a whole is meant)
     * @param column its column (0 when unknown)
     * @param rule {@code drl-confined}, {@code drl-compiles}, {@code scenario-holds} or {@code scenario-readable}
     * @param message what is wrong, on one line
     */
    public record Problem(String file, int line, int column, String rule, String message)
            implements InvalidInputException.InputError {

        public Problem {
            message = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        }

        /** The problem as a rule author's editor reads it: {@code file:line:column: message}. */
        @Override
        @com.fasterxml.jackson.annotation.JsonProperty("field")
        public String field() {
            return file + ":" + line + ":" + column;
        }

        @Override
        public String toString() {
            return field() + ": " + message;
        }
    }
}
