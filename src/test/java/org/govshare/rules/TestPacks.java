package org.govshare.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rule packs a test writes into a folder of its own: the Zhengzhou figures, under the folder's name. */
public final class TestPacks {

    private TestPacks() {
    }

    /**
     * A rule of a decision as a finding cites it, "name (Art. n)", with the article the DRL of the pack under test
     * gives it ({@code -Dgovshare.rules.pack}): the same rule cites the Zhengzhou measures in one pack and the
     * national regulation in the other.
     */
    public static String cited(String decision, String rule) {
        Matcher article = Pattern.compile("rule\\s+\"" + Pattern.quote(rule) + "\"\\s+@article\\(\"([^\"]*)\"\\)")
                .matcher(RuleFiles.drl(decision));
        if (!article.find()) {
            throw new IllegalArgumentException("no rule \"" + rule + "\" with an @article in " + RuleFiles.PACK.resolve(decision));
        }
        return rule + " (Art. " + article.group(1) + ")";
    }

    /** How many rules the DRL of a decision of the pack under test holds, as {@code /api/rules} counts them. */
    public static int rules(String decision) {
        return RuleFiles.ruleNames(decision).size();
    }

    /** Makes the folder a pack (its pack.yaml) and answers the settings that put it in force. */
    public static RulesProperties packIn(Path folder) {
        try {
            String pack = Files.readString(Path.of("rules/packs/zhengzhou-2015/pack.yaml"))
                    .replace("name: zhengzhou-2015", "name: " + folder.getFileName());
            Files.writeString(folder.resolve("pack.yaml"), pack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RulesProperties(folder.getParent().toUri().toString(), folder.getFileName().toString());
    }
}
