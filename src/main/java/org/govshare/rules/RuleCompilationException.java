package org.govshare.rules;

import java.util.List;

/** A DRL file does not compile; the rules in force stay in force. */
public class RuleCompilationException extends RuntimeException {

    private final transient List<Problem> problems;

    public RuleCompilationException(List<Problem> problems) {
        super("the rules do not compile, the rules in force stay in force: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One compiler message.
     *
     * @param file the DRL file, relative to the rules location
     * @param line its line (0 when unknown)
     * @param column its column
     * @param message what the compiler said
     */
    public record Problem(String file, int line, int column, String message) {
    }
}
