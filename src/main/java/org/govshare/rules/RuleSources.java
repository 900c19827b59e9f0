package org.govshare.rules;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of a rule pack, by path relative to the pack's folder: {@code pack.yaml}, the DRL of each decision
 * ({@code eligibility/conditions.drl}) and its scenarios ({@code eligibility/scenarios/grant.yaml}). The first folder
 * of a path names the decision it belongs to.
 */
public record RuleSources(Map<String, String> files) {

    public RuleSources {
        files = new TreeMap<>(files);
    }

    /** Reads every DRL and scenario file under a Spring resource location ({@code classpath:rules/}, {@code file:rules/}). */
    static RuleSources read(String location) {
        String base = location.endsWith("/") ? location : location + "/";
        boolean onClasspath = base.startsWith("classpath:");
        String prefix = onClasspath ? "classpath*:" + base.substring("classpath:".length()) : base;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, String> files = new TreeMap<>();
        try {
            String marker = onClasspath ? base.substring("classpath:".length()) : null;
            String root = onClasspath ? null : resolver.getResource(base).getFile().getCanonicalPath() + File.separator;
            for (String pattern : new String[] {"**/*.drl", "**/scenarios/*.yaml", RulePackFile.FILE}) {
                for (Resource file : resolver.getResources(prefix + pattern)) {
                    String url = file.getURL().toString();
                    // inside a jar there is no file to relativise; the location's own path marks where the decisions start
                    String relative = onClasspath ? url.substring(url.lastIndexOf(marker) + marker.length())
                            : file.getFile().getCanonicalPath().substring(root.length()).replace('\\', '/');
                    try (InputStream in = file.getInputStream()) {
                        files.put(relative, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules at " + location, e);
        }
        return new RuleSources(files);
    }

    /** These files with others laid over them: a proposed file replaces the one at its path or adds a new one. */
    public RuleSources with(Map<String, String> proposed) {
        Map<String, String> merged = new TreeMap<>(files);
        merged.putAll(proposed);
        return new RuleSources(merged);
    }

    /** decision → (path → DRL text) */
    Map<String, Map<String, String>> drlByDecision() {
        return byDecision(".drl");
    }

    /** decision → (path → scenario YAML) */
    Map<String, Map<String, String>> scenariosByDecision() {
        Map<String, Map<String, String>> scenarios = byDecision(".yaml");
        scenarios.remove("default");
        return scenarios;
    }

    /** The pack's {@code pack.yaml}; null when the folder has none. */
    String packFile() {
        return files.get(RulePackFile.FILE);
    }

    /**
     * The version of the rule set: SHA-256 over the DRL files and {@code pack.yaml} (path and text, in path order).
     * Stored with every decision, so a decision can be traced to the exact rules and figures that made it.
     */
    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Map<String, String> digested = new TreeMap<>();
            drlByDecision().values().forEach(digested::putAll);
            if (packFile() != null) {
                digested.put(RulePackFile.FILE, packFile());
            }
            digested.forEach((path, text) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Map<String, Map<String, String>> byDecision(String suffix) {
        Map<String, Map<String, String>> byDecision = new TreeMap<>();
        files.forEach((path, text) -> {
            if (path.endsWith(suffix)) {
                String decision = path.contains("/") ? path.substring(0, path.indexOf('/')) : "default";
                byDecision.computeIfAbsent(decision, d -> new TreeMap<>()).put(path, text);
            }
        });
        return byDecision;
    }
}
