package org.govshare.assessment;

/**
 * The rule pack's scoring file is wrong: it names the file, the line and what to change. No assessment is computed
 * with it; the one published stays as published.
 */
public class ScoringFileException extends IllegalStateException {

    ScoringFileException(String file, int line, String message) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + message);
    }
}
