package org.govshare.rules;

import java.util.List;

/**
 * A part of the platform that reads its own section of {@code pack.yaml} (the assessment's weights) and checks it
 * when a pack is validated or put in force, so a wrong figure is refused with the rest, not found on the day it is
 * used.
 */
public interface PackSectionCheck {

    /** The problems of the section in a pack's text, each naming {@code pack.yaml}, the line and what to write. */
    List<RuleCompilationException.Problem> check(String packText);
}
