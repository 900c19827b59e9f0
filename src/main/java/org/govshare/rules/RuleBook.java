package org.govshare.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The rules in force: one KieBase per decision (a folder of {@code rules/}), built once from the DRL files and
 * rebuilt only on reload. A reload that does not compile is rejected with file, line and message, and the rules
 * in force stay in force. Each decision runs in a stateless session of its own.
 */
@Service
public class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private final RulesProperties properties;
    private final KieServices kie = KieServices.Factory.get();
    private volatile Map<String, KieBase> inForce;
    private List<ReleaseId> releasesInForce = new ArrayList<>();

    RuleBook(RulesProperties properties) {
        this.properties = properties;
        this.inForce = build();
    }

    /** Runs a decision's rules over the facts; the findings say what fired. */
    public Decision decide(String decision, Collection<?> facts) {
        KieBase rules = inForce.get(decision);
        if (rules == null) {
            throw new IllegalStateException("no rules for the decision '" + decision + "' under " + properties.location()
                    + "; decisions in force: " + inForce.keySet());
        }
        StatelessKieSession session = rules.newStatelessKieSession();
        Decision outcome = new Decision();
        session.setGlobal("decision", outcome);
        session.execute(facts);
        return outcome;
    }

    /** Rebuilds every decision from the DRL files; returns the decisions and their rule counts now in force. */
    public synchronized Map<String, Integer> reload() {
        List<ReleaseId> previous = releasesInForce;
        inForce = build();
        // the old KieModules would otherwise stay in the repository for the life of the JVM
        previous.forEach(release -> kie.getRepository().removeKieModule(release));
        return decisions();
    }

    /** The decisions in force and how many rules each has. */
    public Map<String, Integer> decisions() {
        Map<String, Integer> counts = new TreeMap<>();
        inForce.forEach((decision, base) -> counts.put(decision,
                base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum()));
        return counts;
    }

    private Map<String, KieBase> build() {
        Map<String, Map<String, String>> sources = readSources();
        Map<String, KieBase> built = new TreeMap<>();
        List<ReleaseId> releases = new ArrayList<>();
        List<RuleCompilationException.Problem> problems = new ArrayList<>();
        sources.forEach((decision, files) -> {
            ReleaseId release = kie.newReleaseId("org.govshare.rules", decision, "1." + BUILDS.incrementAndGet());
            KieFileSystem kfs = kie.newKieFileSystem();
            kfs.generateAndWritePomXML(release);
            files.forEach((file, drl) -> kfs.write("src/main/resources/rules/" + file, drl));
            KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            releases.add(release);
            if (errors.isEmpty()) {
                built.put(decision, kie.newKieContainer(release).getKieBase());
            }
            errors.forEach(m -> problems.add(new RuleCompilationException.Problem(
                    m.getPath() == null ? decision : m.getPath().replaceFirst("^rules/", ""),
                    m.getLine(), m.getColumn(), m.getText())));
        });
        if (!problems.isEmpty()) {
            releases.forEach(release -> kie.getRepository().removeKieModule(release));
            throw new RuleCompilationException(problems);
        }
        releasesInForce = releases;
        if (sources.isEmpty()) {
            log.warn("No DRL files under {}: every decision will be refused until rules are there (govshare.rules.location)",
                    properties.location());
        } else {
            log.info("Rules in force from {}: {}", properties.location(), sources.keySet());
        }
        return built;
    }

    /** decision → (file relative to the rules location → DRL text) */
    private Map<String, Map<String, String>> readSources() {
        String base = properties.location().endsWith("/") ? properties.location() : properties.location() + "/";
        String pattern = (base.startsWith("classpath:") ? "classpath*:" + base.substring("classpath:".length()) : base) + "**/*.drl";
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Map<String, String>> sources = new TreeMap<>();
        try {
            boolean onClasspath = base.startsWith("classpath:");
            String marker = base.substring("classpath:".length());
            String root = onClasspath ? null : resolver.getResource(base).getFile().getCanonicalPath() + java.io.File.separator;
            for (Resource drl : resolver.getResources(pattern)) {
                String url = drl.getURL().toString();
                // inside a jar there is no file to relativise; the location's own path marks where the decisions start
                String relative = onClasspath ? url.substring(url.lastIndexOf(marker) + marker.length())
                        : drl.getFile().getCanonicalPath().substring(root.length()).replace('\\', '/');
                String decision = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "default";
                try (InputStream in = drl.getInputStream()) {
                    sources.computeIfAbsent(decision, d -> new TreeMap<>())
                            .put(relative, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules at " + properties.location(), e);
        }
        return sources;
    }
}
