package org.govshare.assessment;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govshare.rules.PackSectionCheck;
import org.govshare.rules.RuleCompilationException;
import org.springframework.stereotype.Component;

/** Refuses a pack whose assessment weights do not hold, when it is validated or put in force, not on assessment day. */
@Component
class ScoringSectionCheck implements PackSectionCheck {

    private static final Pattern LINE = Pattern.compile("^pack\\.yaml(?:, line (\\d+))?: (.*)$", Pattern.DOTALL);

    @Override
    public List<RuleCompilationException.Problem> check(String packText) {
        try {
            ScoringRules.parse(packText);
            return List.of();
        } catch (ScoringFileException e) {
            Matcher at = LINE.matcher(e.getMessage());
            boolean located = at.matches();
            return List.of(new RuleCompilationException.Problem(ScoringRules.FILE,
                    located && at.group(1) != null ? Integer.parseInt(at.group(1)) : 0, 0, "assessment-weights",
                    located ? at.group(2) : e.getMessage()));
        }
    }
}
