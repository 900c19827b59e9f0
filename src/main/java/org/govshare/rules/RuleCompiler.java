package org.govshare.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles DRL files into one KieBase per decision. Whatever the compiler does, the rule author gets problems with
 * a file, a line and a sentence: Drools reports most mistakes as messages, but some malformed patterns make its
 * parser throw instead; those are located by compiling the decision's files one at a time and reading the
 * position from the exception, and the stack trace goes to the log only.
 */
class RuleCompiler {

    private static final Logger log = LoggerFactory.getLogger(RuleCompiler.class);
    private static final AtomicInteger BUILDS = new AtomicInteger();
    private static final Pattern POSITION = Pattern.compile("(?i)line (\\d+):(\\d+)");
    private static final Pattern RULE_KEYWORD = Pattern.compile("\\b(rule|when|then|end)\\b");
    private static final Pattern RULE_NAME = Pattern.compile("\\G\\s*(\"[^\"]*\"|\\S+)");
    private static final Pattern PARENTHESIS_OR_THEN = Pattern.compile("[()]|\\bthen\\b");

    private final KieServices kie = KieServices.Factory.get();

    /** A compiled rule set: its KieBases, and the releases to remove from the Kie repository when it is dropped. */
    record Compiled(Map<String, KieBase> bases, List<ReleaseId> releases, List<RuleCompilationException.Problem> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    Compiled compile(RuleSources sources) {
        Map<String, KieBase> bases = new TreeMap<>();
        List<ReleaseId> releases = new ArrayList<>();
        List<RuleCompilationException.Problem> problems = new ArrayList<>();
        sources.drlByDecision().forEach((decision, files) -> {
            ReleaseId release = kie.newReleaseId("org.govshare.rules", decision, "1." + BUILDS.incrementAndGet());
            releases.add(release);
            try {
                KieBuilder builder = build(release, files);
                List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
                if (errors.isEmpty()) {
                    bases.put(decision, kie.newKieContainer(release).getKieBase());
                }
                problems.addAll(explain(decision, files, errors));
            } catch (RuntimeException crash) {
                log.warn("The DRL compiler failed on decision '{}'; locating the file", decision, crash);
                problems.addAll(locate(decision, files, crash));
            }
        });
        return new Compiled(bases, releases, problems);
    }

    void discard(Compiled compiled) {
        compiled.releases().forEach(release -> kie.getRepository().removeKieModule(release));
    }

    private KieBuilder build(ReleaseId release, Map<String, String> files) {
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(release);
        files.forEach((file, drl) -> kfs.write("src/main/resources/rules/" + file, drl));
        return kie.newKieBuilder(kfs).buildAll();
    }

    /** Compiles each file alone to find the one that makes the compiler throw, and reads the position it names. */
    private List<RuleCompilationException.Problem> locate(String decision, Map<String, String> files, RuntimeException crash) {
        List<RuleCompilationException.Problem> found = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            ReleaseId alone = kie.newReleaseId("org.govshare.rules", decision + "-probe", "1." + BUILDS.incrementAndGet());
            try {
                build(alone, Map.of(file.getKey(), file.getValue()));
            } catch (RuntimeException e) {
                found.add(problemOf(file.getKey(), file.getValue(), e));
            } finally {
                kie.getRepository().removeKieModule(alone);
            }
        }
        if (found.isEmpty()) {
            found.add(problemOf(decision, "", crash));
        }
        return found;
    }

    /**
     * The compiler's messages as problems a rule author can act on: the column read from the text when the message
     * carries it, the parser's follow-up "null package" dropped when the file has a real problem, and an unclosed
     * parenthesis named where it was opened, since the parser only notices it lines later.
     */
    private static List<RuleCompilationException.Problem> explain(String decision, Map<String, String> files,
                                                                  List<Message> errors) {
        Map<String, List<RuleCompilationException.Problem>> byFile = new TreeMap<>();
        for (Message m : errors) {
            String file = m.getPath() == null ? decision : m.getPath().replaceFirst("^(src/main/resources/)?rules/", "");
            Matcher at = POSITION.matcher(m.getText() == null ? "" : m.getText());
            boolean positioned = at.find();
            int line = m.getLine() > 0 ? m.getLine() : positioned ? Integer.parseInt(at.group(1)) : 0;
            int column = m.getColumn() > 0 ? m.getColumn() : positioned ? Integer.parseInt(at.group(2)) : 0;
            byFile.computeIfAbsent(file, f -> new ArrayList<>())
                    .add(new RuleCompilationException.Problem(file, line, column, "drl-compiles", oneLine(m.getText())));
        }
        List<RuleCompilationException.Problem> explained = new ArrayList<>();
        byFile.forEach((file, problems) -> {
            List<RuleCompilationException.Problem> real = problems.stream()
                    .filter(p -> !p.message().contains("Parser returned a null Package")).toList();
            String text = files.getOrDefault(file, "");
            int[] unclosed = unclosedParenthesis(text);
            MissingThen missingThen = missingThen(text);
            if (unclosed != null && real.stream().anyMatch(p -> p.message().contains("mismatched input"))) {
                explained.add(new RuleCompilationException.Problem(file, unclosed[0], unclosed[1], "drl-compiles",
                        "the parenthesis opened here is not closed before 'then' (the parser noticed at "
                                + noticed(real.get(0)) + ")"));
            } else if (missingThen != null && !real.isEmpty()) {
                explained.add(missingThen.problem(file, noticed(real.get(0))));
            } else {
                explained.addAll(real.isEmpty() ? problems : real);
            }
        });
        return explained;
    }

    private static String noticed(RuleCompilationException.Problem parserProblem) {
        return parserProblem.message().replaceFirst("^\\[ERR \\d+\\] ", "");
    }

    /**
     * A rule whose {@code when} reaches {@code end} with no {@code then}: the parser reads the actions as more
     * conditions and complains about {@code end}, which tells the author nothing, so it is named at its {@code when}.
     */
    record MissingThen(String rule, int line, int column, int endLine) {

        RuleCompilationException.Problem problem(String file, String parserSaid) {
            return new RuleCompilationException.Problem(file, line, column, "drl-compiles", "the rule \"" + rule
                    + "\" has no 'then' between this 'when' and its 'end' on line " + endLine
                    + ": write 'then' before its actions (the parser noticed at " + parserSaid + ")");
        }
    }

    /** The first rule that goes from {@code when} to {@code end} without {@code then}, or null. */
    static MissingThen missingThen(String text) {
        String code = withoutStringsAndComments(text);
        Matcher keyword = RULE_KEYWORD.matcher(code);
        String rule = null;
        int when = -1;
        while (keyword.find()) {
            switch (keyword.group(1)) {
                case "rule" -> {
                    Matcher name = RULE_NAME.matcher(text);
                    rule = name.find(keyword.end()) ? name.group(1).replace("\"", "") : "";
                    when = -1;
                }
                case "when" -> when = keyword.start();
                case "then" -> when = -1;
                default -> {
                    if (rule != null && when >= 0) {
                        int[] at = position(code, when);
                        return new MissingThen(rule, at[0], at[1], position(code, keyword.start())[0]);
                    }
                    rule = null;
                    when = -1;
                }
            }
        }
        return null;
    }

    /** Line and column (1-based) of an offset. */
    private static int[] position(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return new int[] {(int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1, offset - lineStart + 1};
    }

    /** The text with its strings and line comments blanked out, lines and columns kept, so keywords in them do not count. */
    private static String withoutStringsAndComments(String text) {
        StringBuilder code = new StringBuilder(text);
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (inString && c != '\n') {
                code.setCharAt(i, ' ');
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                for (int j = i; j < (end < 0 ? text.length() : end); j++) {
                    code.setCharAt(j, ' ');
                }
                i = (end < 0 ? text.length() : end) - 1;
            }
        }
        return code.toString();
    }

    private static RuleCompilationException.Problem problemOf(String file, String text, RuntimeException e) {
        String positioned = null;
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (positioned == null && t.getMessage() != null && POSITION.matcher(t.getMessage()).find()) {
                positioned = t.getMessage();
            }
        }
        String message = positioned != null ? positioned : root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        MissingThen missingThen = missingThen(text);
        if (missingThen != null) {
            return missingThen.problem(file, oneLine(message));
        }
        Matcher at = POSITION.matcher(message);
        int[] unclosed = unclosedParenthesis(text);
        int line = at.find() ? Integer.parseInt(at.group(1)) : unclosed != null ? unclosed[0] : 0;
        int column = at.find(0) ? Integer.parseInt(at.group(2)) : unclosed != null ? unclosed[1] : 0;
        return new RuleCompilationException.Problem(file, line, column, "drl-compiles", oneLine(message));
    }

    private static String oneLine(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

    /** Line and column (1-based) of the first parenthesis still open when a {@code then} comes, or null. */
    static int[] unclosedParenthesis(String text) {
        String code = withoutStringsAndComments(text);
        int depth = 0;
        int opened = -1;
        Matcher token = PARENTHESIS_OR_THEN.matcher(code);
        while (token.find()) {
            if (token.group().equals("(")) {
                opened = depth++ == 0 ? token.start() : opened;
            } else if (token.group().equals(")")) {
                depth = Math.max(0, depth - 1);
            } else if (depth > 0) {
                return position(code, opened);
            }
        }
        return null;
    }
}
