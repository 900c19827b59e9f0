package org.govshare.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the DRL files are.
 *
 * @param location a Spring resource location holding one folder per decision, e.g. {@code classpath:rules/}
 *                 (the files packaged with the platform) or {@code file:rules/} (the working copy a rule author
 *                 edits; {@code POST /api/rules/reload} then puts the edits in force)
 */
@ConfigurationProperties("govshare.rules")
public record RulesProperties(@DefaultValue("classpath:rules/") String location) {
}
