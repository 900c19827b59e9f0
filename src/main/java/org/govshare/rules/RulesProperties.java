package org.govshare.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which rule pack is in force, and where the packs are.
 *
 * @param location a Spring resource location holding one folder per pack, e.g. {@code classpath:rules/packs/} (the
 *                 packs shipped with the platform) or {@code file:rules/packs/} (the working copy a rule author
 *                 edits; {@code POST /api/rules/reload} then puts the edits in force)
 * @param pack     the folder of the pack in force: {@code zhengzhou-2015} (the measures the platform was built for)
 *                 or {@code national-2025} (the State Council's regulation of 2025), or a pack of your own
 */
@ConfigurationProperties("govshare.rules")
public record RulesProperties(@DefaultValue("classpath:rules/packs/") String location,
                              @DefaultValue("zhengzhou-2015") String pack) {

    /** The pack named by the system property {@code govshare.rules.pack} (zhengzhou-2015 when unset) in a folder. */
    public static RulesProperties of(String location) {
        return new RulesProperties(location, System.getProperty("govshare.rules.pack", "zhengzhou-2015"));
    }

    /** The location of a pack's folder. */
    public String locationOf(String packName) {
        return (location.endsWith("/") ? location : location + "/") + packName + "/";
    }

    /** The location of the pack in force. */
    public String packLocation() {
        return locationOf(pack);
    }
}
