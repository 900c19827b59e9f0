package org.govshare.rules;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.govshare.audit.AuditAction;
import org.govshare.audit.AuditEntry;
import org.govshare.audit.AuditTrail;
import org.govshare.platform.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The rules in force; checking a proposed rule set; and its reload by a rule author after editing the DRL files. */
@RestController
@RequestMapping("/api/rules")
class RulesController {

    /** A proposed file's name is its path in the pack: pack.yaml, or a decision folder, then a DRL or scenario file. */
    private static final Pattern PROPOSED_PATH = Pattern.compile("pack\\.yaml|[a-z0-9][a-z0-9_-]*/(scenarios/)?[\\w.-]+\\.(drl|yaml)");
    /** A pack is a folder beside the pack in force. */
    private static final Pattern PACK_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final RuleBook rules;
    private final AuditTrail auditTrail;

    RulesController(RuleBook rules, AuditTrail auditTrail) {
        this.rules = rules;
        this.auditTrail = auditTrail;
    }

    /** The rule set in force: version, decisions with their rule counts, scenarios. */
    @GetMapping
    RuleSetReport inForce() {
        return rules.inForce();
    }

    /**
     * Checks a proposed pack without putting it in force: its pack.yaml, its DRL and its scenarios. With no files,
     * checks the working copy; uploaded files (each named by its path in the pack, e.g. {@code pack.yaml} or
     * {@code eligibility/conditions.drl}) are laid over it. {@code pack} names another pack of the library (a folder
     * beside the one in force), e.g. one a rule author is writing for another jurisdiction.
     */
    @PostMapping("/validate")
    RuleSetReport validate(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                           @RequestParam(name = "pack", required = false) String pack) {
        if (pack != null && !PACK_NAME.matcher(pack).matches()) {
            throw new InvalidInputException("pack", "pack-name", "'" + pack + "' is not a pack's folder name:"
                    + " lower-case letters, digits, - and _, e.g. national-2025");
        }
        Map<String, String> proposed = proposed(files);
        RuleSetReport report = pack == null ? rules.validate(proposed) : rules.validate(pack, proposed);
        auditTrail.record(AuditEntry.ok(AuditAction.RULES_VALIDATED, "rules", report.version())
                .with("pack", report.pack().name()).with("files", proposed.keySet()).with("scenarios", report.scenarios()));
        return report;
    }

    /** Rebuilds the rules from the DRL files, if they compile and their scenarios hold; otherwise nothing changes. */
    @PostMapping("/reload")
    RuleSetReport reload() {
        String previous = rules.version();
        RuleSetReport report = rules.reload();
        auditTrail.record(AuditEntry.ok(AuditAction.RULES_RELOADED, "rules", report.version())
                .with("pack", report.pack().name() + " " + report.pack().version())
                .with("decisions", report.decisions()).with("previousVersion", previous));
        return report;
    }

    private static Map<String, String> proposed(List<MultipartFile> files) {
        Map<String, String> proposed = new TreeMap<>();
        if (files == null) {
            return proposed;
        }
        for (int i = 0; i < files.size(); i++) {
            MultipartFile file = files.get(i);
            String path = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replace('\\', '/');
            if (!PROPOSED_PATH.matcher(path).matches()) {
                throw new InvalidInputException("files[" + i + "]", "rule-file-path", "'" + path + "' is not a rule file's path:"
                        + " name each file by its place in the pack, e.g. pack.yaml, eligibility/conditions.drl or"
                        + " eligibility/scenarios/grant.yaml");
            }
            try {
                proposed.put(path, StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(file.getBytes())).toString());
            } catch (CharacterCodingException e) {
                throw new InvalidInputException("files[" + i + "]", "utf-8", path + " is not UTF-8 text");
            } catch (IOException e) {
                throw new InvalidInputException("files[" + i + "]", "unreadable-file", path + " could not be read");
            }
        }
        return proposed;
    }
}
