package org.govshare.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Keeps DRL files inside the rule language, because a rule's consequence is compiled Java and would otherwise run
 * anything: {@code System.exit}, a file write, a thread, a static method of the platform. A file may import only
 * its decision's facts, their enums and {@link Decision}; declare only the global {@code decision}; match only
 * those facts with expressions {@link ConfinedExpression} allows; and say what it found only through
 * {@code decision}. No functions, queries, declared types, dialects, {@code from}, {@code accumulate},
 * {@code collect} or named consequences.
 * <p>
 * The check reads the file with Drools' own parser and runs before anything is compiled, so that no part of a
 * refused file runs, not in a scenario and not while the rules are built (rule annotations, for one, are evaluated
 * then). A file the parser cannot read is left to the compiler, which refuses it: nothing is built from it.
 */
final class ConfinedDrl {

    static final String RULE = "drl-confined";

    /** Java reads these before anything else, so one could close a text or a comment behind the check's back. */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{0,4}");
    /** A carriage return not followed by a line feed: Java ends a line, and so a // comment, there; the check would not. */
    private static final Pattern LONE_CARRIAGE_RETURN = Pattern.compile("\r(?!\n)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"|-?\\d+(\\.\\d+)?");
    private static final Pattern BINDING = Pattern.compile("^\\s*([$\\w]+)\\s*:=?");
    private static final Map<String, String> KEYWORDS = Map.of("ConditionalBranchDescr", "if ... do[...]",
            "EntryPointDescr", "from entry-point", "WindowReferenceDescr", "from window", "GroupByDescr", "groupby",
            "FromDescr", "from", "AccumulateDescr", "accumulate", "CollectDescr", "collect");
    private static final Map<String, Pattern> ATTRIBUTES = Map.of(
            "salience", Pattern.compile("-?\\d+"),
            "no-loop", Pattern.compile("true|false|"),
            "lock-on-active", Pattern.compile("true|false|"),
            "activation-group", Pattern.compile("[\\w .:-]+"),
            "agenda-group", Pattern.compile("[\\w .:-]+"));

    private ConfinedDrl() {
    }

    /** Every problem of every DRL file of the rule set; empty when all of them stay inside the rule language. */
    static List<RuleCompilationException.Problem> check(RuleSources sources) {
        List<RuleCompilationException.Problem> problems = new ArrayList<>();
        sources.drlByDecision().forEach((decision, files) ->
                files.forEach((file, text) -> problems.addAll(check(decision, file, text))));
        return problems;
    }

    static List<RuleCompilationException.Problem> check(String decision, String file, String text) {
        return new FileCheck(file, text).check(decision);
    }

    private static final class FileCheck {

        private final String file;
        private final String text;
        private final List<RuleCompilationException.Problem> problems = new ArrayList<>();
        private RuleVocabulary vocabulary;
        private PackageDescr pkg;

        FileCheck(String file, String text) {
            this.file = file;
            this.text = text;
        }

        List<RuleCompilationException.Problem> check(String decision) {
            Matcher escape = UNICODE_ESCAPE.matcher(text);
            if (escape.find()) {
                refuse(escape.start(), "the unicode escape '" + escape.group() + "' is refused: write the character"
                        + " itself (Java reads escapes before anything else, even inside text and comments)");
                return problems;
            }
            Matcher carriageReturn = LONE_CARRIAGE_RETURN.matcher(text);
            if (carriageReturn.find()) {
                refuse(carriageReturn.start(), "a carriage return without a line feed is refused: end lines with a line"
                        + " feed (Java ends a line, and a // comment, at a lone carriage return)");
                return problems;
            }
            pkg = parse();
            if (pkg == null) {
                return problems;
            }
            vocabulary = RuleVocabulary.of(decision).orElse(null);
            if (vocabulary == null) {
                refuseLine(0, "'" + decision + "' is not a decision of the platform (" + String.join(", ",
                        RuleVocabulary.decisions()) + "): no facts are given to its rules, so they may not stand here");
                return problems;
            }
            checkPackage(decision);
            pkg.getRules().forEach(this::checkRule);
            return problems;
        }

        private PackageDescr parse() {
            DrlParser parser = new DrlParser();
            try {
                PackageDescr pkg = parser.parse(false, text);
                return parser.hasErrors() ? null : pkg;
            } catch (DroolsParserException | RuntimeException unreadable) {
                return null;
            }
        }

        private void checkPackage(String decision) {
            if (!pkg.getName().equals("rules." + decision)) {
                refuse(pkg, "the package is 'rules." + decision + "' for a file of the " + decision + " decision, not '"
                        + pkg.getName() + "'");
            }
            for (ImportDescr i : pkg.getImports()) {
                if (!vocabulary.importable().contains(i.getTarget())) {
                    refuse(i, "'import " + i.getTarget() + "' is refused: a rule of the " + decision + " decision imports"
                            + " only its facts and their enums (" + vocabulary.names() + ")");
                }
            }
            pkg.getFunctionImports().forEach(i -> refuse(i, "'import function " + i.getTarget() + "' is refused: a rule"
                    + " calls no functions"));
            pkg.getAccumulateImports().forEach(i -> refuse(i, "'import accumulate " + i.getTarget() + "' is refused:"
                    + " a rule matches facts and does not accumulate"));
            for (GlobalDescr g : pkg.getGlobals()) {
                String global = (g.getType().equals("Decision") ? Decision.class.getName() : g.getType()) + " "
                        + g.getIdentifier();
                if (!global.equals(RuleVocabulary.GLOBAL)) {
                    refuse(g, "'global " + g.getType() + " " + g.getIdentifier() + "' is refused: the only global is '"
                            + RuleVocabulary.GLOBAL + "'");
                }
            }
            pkg.getFunctions().forEach(f -> refuse(f, "the function '" + f.getName() + "' is refused: a rule file"
                    + " declares rules only, and a rule says what it found through decision"));
            pkg.getClassAndEnumDeclarationDescrs().forEach(t -> refuse(t, "the declared type '" + t.getTypeName()
                    + "' is refused: rules match the facts the platform gives them (" + vocabulary.factNames() + ")"));
            pkg.getEntryPointDeclarations().forEach(e -> refuse(e, "the entry point '" + e.getEntryPointId()
                    + "' is refused: rules match the facts the platform gives them"));
            pkg.getWindowDeclarations().forEach(w -> refuse(w, "the window '" + w.getName() + "' is refused: rules"
                    + " match the facts the platform gives them"));
            pkg.getAttributes().forEach(a -> refuse(a, "the file attribute '" + a.getName() + "' is refused: rules are"
                    + " written in the one dialect the platform compiles"));
            if (pkg.getUnit() != null) {
                refuse(pkg.getUnit(), "the rule unit '" + pkg.getUnit().getTarget() + "' is refused: rules match the"
                        + " facts the platform gives them");
            }
        }

        private void checkRule(RuleDescr rule) {
            if (rule.isQuery()) {
                refuse(rule, "the query '" + rule.getName() + "' is refused: a rule file declares rules only");
                return;
            }
            for (AttributeDescr a : rule.getAttributes().values()) {
                if (pkg.getAttribute(a.getName()) == a) {
                    continue; // the parser copies the file's attributes into each rule; refused once, for the file
                }
                Pattern allowed = ATTRIBUTES.get(a.getName());
                if (allowed == null || a.getValue() == null || !allowed.matcher(a.getValue().strip()).matches()) {
                    refuse(a, "the rule attribute '" + a.getName() + (a.getValue() == null ? "" : " " + a.getValue())
                            + "' is refused: a rule may have salience (a whole number), no-loop, lock-on-active,"
                            + " activation-group and agenda-group only");
                }
            }
            checkAnnotations(rule);
            if (!rule.getNamedConsequences().isEmpty()) {
                refuse(rule, "the named consequences of '" + rule.getName() + "' (" + rule.getNamedConsequences().keySet()
                        + ") are refused: a rule has one 'then'");
            }
            Set<String> bound = new HashSet<>();
            collectBindings(rule.getLhs(), bound);
            checkCondition(rule.getLhs(), bound);
            Object consequence = rule.getConsequence();
            if (consequence != null) {
                String then = consequence.toString();
                int start = consequenceOffset(rule, then);
                new ConfinedExpression(ConfinedExpression.Place.CONSEQUENCE, bound, vocabulary).check(then)
                        .forEach(r -> refuse(start + r.offset(), r.message()));
            }
        }

        private void checkAnnotations(AnnotatedBaseDescr annotated) {
            for (AnnotationDescr a : annotated.getAnnotations()) {
                for (Map.Entry<String, Object> value : a.getValueMap().entrySet()) {
                    if (!LITERAL.matcher(String.valueOf(value.getValue()).strip()).matches()) {
                        refuse(annotated, "the annotation '@" + a.getName() + "(" + value.getValue() + ")' is refused:"
                                + " its value is a text in quotes or a number, e.g. @article(\"18\")");
                    }
                }
            }
        }

        /** Every name the conditions bind: {@code $item : AskedItemFact(...)} and {@code $tier : tierName}. */
        private static void collectBindings(BaseDescr descr, Set<String> bound) {
            if (descr instanceof PatternDescr pattern) {
                if (pattern.getIdentifier() != null) {
                    bound.add(pattern.getIdentifier());
                }
                pattern.getDescrs().forEach(d -> collectBindings(d, bound));
            } else if (descr instanceof ExprConstraintDescr constraint) {
                Matcher binding = BINDING.matcher(constraint.getExpression());
                if (binding.find()) {
                    bound.add(binding.group(1));
                }
            } else if (descr instanceof ConditionalElementDescr element) {
                element.getDescrs().forEach(d -> collectBindings((BaseDescr) d, bound));
            }
        }

        /** The conditional elements a rule may use: and, or, not, exists, forall, patterns and eval. */
        private void checkCondition(BaseDescr descr, Set<String> bound) {
            if (descr instanceof PatternDescr pattern) {
                checkPattern(pattern, bound);
            } else if (descr instanceof EvalDescr eval) {
                String content = String.valueOf(eval.getContent());
                checkExpression(eval, content, ConfinedExpression.Place.EVAL, bound);
            } else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                    || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
                ((ConditionalElementDescr) descr).getDescrs().forEach(d -> checkCondition((BaseDescr) d, bound));
            } else {
                refuse(descr, "'" + keyword(descr) + "' is refused in a condition: a rule matches its facts with and,"
                        + " or, not, exists, forall and eval");
            }
        }

        private void checkPattern(PatternDescr pattern, Set<String> bound) {
            if (pattern.isQuery()) {
                refuse(pattern, "calling the query '" + pattern.getObjectType() + "' is refused: a rule matches facts");
                return;
            }
            if (!vocabulary.isFact(pattern.getObjectType())) {
                refuse(pattern, "'" + pattern.getObjectType() + "' is refused: it is not a fact of the "
                        + vocabulary.decision() + " decision, whose rules match on " + vocabulary.factNames());
            }
            if (pattern.getSource() != null) {
                BaseDescr source = pattern.getSource().getStartCharacter() >= 0 ? pattern.getSource() : pattern;
                refuse(source, "'" + keyword(pattern.getSource()) + "' is refused: a rule matches the facts"
                        + " the platform gives it, not values it computes or fetches");
            }
            if (!pattern.getBehaviors().isEmpty()) {
                refuse(pattern, "the window over '" + pattern.getObjectType() + "' is refused: facts are matched as they"
                        + " are");
            }
            checkAnnotations(pattern);
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    checkExpression(expression, expression.getExpression(), ConfinedExpression.Place.CONSTRAINT, bound);
                } else {
                    refuse(constraint, "this constraint is refused: write it as an expression on the fact's fields");
                }
            }
            // 'not' and 'forall' hold patterns of their own, whose constraints are checked the same way
        }

        private void checkExpression(BaseDescr descr, String expression, ConfinedExpression.Place place, Set<String> bound) {
            int start = descr.getStartCharacter() >= 0 ? text.indexOf(expression, descr.getStartCharacter()) : -1;
            for (ConfinedExpression.Refusal r : new ConfinedExpression(place, bound, vocabulary).check(expression)) {
                if (start >= 0) {
                    refuse(start + r.offset(), r.message());
                } else {
                    refuse(descr, r.message());
                }
            }
        }

        /** Where the consequence's text starts in the file: after the rule's 'then'. */
        private int consequenceOffset(RuleDescr rule, String then) {
            int thenLine = lineStart(rule.getConsequenceLine());
            int from = thenLine >= 0 ? thenLine : Math.max(rule.getStartCharacter(), 0);
            int at = text.indexOf(then, from);
            return at >= 0 ? at : text.indexOf(then.strip(), from);
        }

        private static String keyword(BaseDescr descr) {
            String type = descr.getClass().getSimpleName();
            return KEYWORDS.getOrDefault(type, type.replace("Descr", "").toLowerCase(java.util.Locale.ROOT));
        }

        private void refuse(BaseDescr descr, String message) {
            if (descr.getStartCharacter() >= 0) {
                refuse(descr.getStartCharacter(), message);
            } else {
                refuseLine(Math.max(descr.getLine(), 0), message);
            }
        }

        private void refuse(int offset, String message) {
            if (offset < 0) {
                refuseLine(0, message);
                return;
            }
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.add(new RuleCompilationException.Problem(file, line, offset - lineStart + 1, RULE, message));
        }

        private void refuseLine(int line, String message) {
            problems.add(new RuleCompilationException.Problem(file, line, 0, RULE, message));
        }

        /** The offset at which a line (1-based) starts, or -1. */
        private int lineStart(int line) {
            if (line <= 0) {
                return -1;
            }
            int at = 0;
            for (int l = 1; l < line; l++) {
                at = text.indexOf('\n', at) + 1;
                if (at == 0) {
                    return -1;
                }
            }
            return at;
        }
    }
}
