package org.govshare.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions a rule may write, in a constraint, an {@code eval} or a consequence: text and numbers, bound
 * variables, the fields and methods of the facts and of the values they hold, enum constants of the imported enums,
 * comparisons, {@code + - * / %}, {@code ! && ||}, {@code ? :} and parentheses; in a consequence, calls on
 * {@code decision} that say what the rule found, and local names for values ({@code String name = $item.name();}).
 * Every name is checked against that list, so a class name ({@code System}, {@code java.io.File}), {@code new}, a
 * block or a lambda is refused whatever it would do.
 */
final class ConfinedExpression {

    /** Where an expression stands, which decides the names in scope. */
    enum Place {
        CONSTRAINT, EVAL, CONSEQUENCE
    }

    /** A refused piece of an expression, by its offset in the expression's text. */
    record Refusal(int offset, String message) {
    }

    record Token(Kind kind, String text, int offset) {

        boolean is(String s) {
            return kind != Kind.TEXT && text.equals(s);
        }
    }

    enum Kind {
        NAME, NUMBER, TEXT, SYMBOL
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?[lLdDfFbB]?");
    private static final Set<String> TWO_CHAR_SYMBOLS = Set.of("==", "!=", "<=", ">=", "&&", "||", ":=", "->", "::",
            "++", "--", "+=", "-=", "*=", "/=", "%=", "<<", ">>", "?.", "!.");
    private static final Set<String> SYMBOLS = Set.of("(", ")", ",", ".", "?", ":", "!", "==", "!=", "<", ">", "<=",
            ">=", "&&", "||", "+", "-", "*", "/", "%");
    private static final Set<String> LITERAL_WORDS = Set.of("true", "false", "null");
    private static final Set<String> OPERATOR_WORDS = Set.of("in", "not", "contains", "excludes", "memberOf", "matches",
            "soundslike");
    private static final Set<String> LOCAL_TYPES = Set.of("String", "int", "long", "double", "boolean");
    private static final Set<String> IMPLICIT = Set.of("decision", "drools", "kcontext");

    private static final String UNKNOWN = "'%s' is refused: a rule may use only its facts' fields and methods, bound"
            + " variables, constants of the enums it imports, text and numbers";
    private static final String NOT_A_METHOD = "'%s' is refused: %s is not a method of the facts or of the values"
            + " they hold, so a rule may not call it";
    private static final String NOT_A_FINDING = "'%s' is refused: a consequence only calls decision.refuse, review,"
            + " grant or flag (and may name a value for them first: String name = $item.name();)";

    private final Place place;
    private final Set<String> names;
    private final RuleVocabulary vocabulary;

    /**
     * @param names the variables bound in the rule's conditions ({@code $item}); a consequence adds its locals
     */
    ConfinedExpression(Place place, Set<String> names, RuleVocabulary vocabulary) {
        this.place = place;
        this.names = new HashSet<>(names);
        this.vocabulary = vocabulary;
    }

    /** The first thing refused in the text, if any: for a consequence, the first of each statement. */
    List<Refusal> check(String text) {
        List<Token> tokens;
        try {
            tokens = tokenize(text);
        } catch (Refused refused) {
            return List.of(refused.refusal);
        }
        if (place != Place.CONSEQUENCE) {
            return checkTokens(tokens).stream().toList();
        }
        List<Refusal> refusals = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).is(";")) {
                if (i > start) {
                    checkStatement(tokens.subList(start, i)).ifPresent(refusals::add);
                }
                start = i + 1;
            }
        }
        return refusals;
    }

    /** A call on {@code decision} that says what the rule found, or {@code Type name = expression}. */
    private Optional<Refusal> checkStatement(List<Token> statement) {
        Token first = statement.get(0);
        if (statement.size() > 3 && statement.get(0).kind() == Kind.NAME && statement.get(1).kind() == Kind.NAME
                && statement.get(2).is("=")) {
            String type = first.text();
            String local = statement.get(1).text();
            if (!LOCAL_TYPES.contains(type) && vocabulary.enumNamed(type).isEmpty()) {
                return refuse(first, "'" + type + " " + local + "' is refused: a consequence names values of type String,"
                        + " int, long, double, boolean or an enum of its facts only");
            }
            if (IMPLICIT.contains(local) || names.contains(local)) {
                return refuse(statement.get(1), "'" + local + "' is refused as a name: it is already one in this rule");
            }
            Optional<Refusal> refused = checkTokens(statement.subList(3, statement.size()));
            names.add(local);
            return refused;
        }
        boolean callOnDecision = statement.size() >= 5 && first.is("decision") && statement.get(1).is(".")
                && statement.get(3).is("(") && statement.get(statement.size() - 1).is(")")
                && closingParenthesis(statement, 3) == statement.size() - 1;
        if (!callOnDecision) {
            return refuse(first, NOT_A_FINDING.formatted(excerpt(statement)));
        }
        return checkTokens(statement);
    }

    private Optional<Refusal> checkTokens(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Optional<Refusal> refused = switch (t.kind()) {
                case TEXT, NUMBER -> Optional.empty();
                case SYMBOL -> SYMBOLS.contains(t.text()) ? Optional.empty()
                        : refuse(t, "'" + t.text() + "' is refused: a rule's expressions have no blocks, arrays, lambdas,"
                                + " assignments or other statements");
                case NAME -> i > 0 && tokens.get(i - 1).is(".") ? checkMember(tokens, i) : checkHead(tokens, i);
            };
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** A name after a dot: a constant of an enum, a finding of {@code decision}, or a method of a fact or value. */
    private Optional<Refusal> checkMember(List<Token> tokens, int i) {
        String name = tokens.get(i).text();
        Token owner = i >= 2 ? tokens.get(i - 2) : null;
        boolean ownerStartsChain = i < 3 || !tokens.get(i - 3).is(".");
        boolean called = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
        if (owner == null || owner.kind() == Kind.SYMBOL && !owner.is(")")) {
            return refuse(tokens.get(i), UNKNOWN.formatted("." + name));
        }
        if (ownerStartsChain && owner.is("decision")) {
            return RuleVocabulary.findings().contains(name) && called ? Optional.empty()
                    : refuse(owner, NOT_A_FINDING.formatted("decision." + name));
        }
        if (ownerStartsChain && owner.is("drools")) {
            return name.equals("getRule") ? Optional.empty()
                    : refuse(owner, "'drools." + name + "' is refused: a consequence uses drools.getRule() only");
        }
        Optional<Class<?>> enumType = ownerStartsChain && owner.kind() == Kind.NAME ? vocabulary.enumNamed(owner.text())
                : Optional.empty();
        if (enumType.isPresent() && !names.contains(owner.text())) {
            return RuleVocabulary.isConstant(enumType.get(), name) && !called ? Optional.empty()
                    : refuse(owner, "'" + owner.text() + "." + name + "' is refused: name a constant of "
                            + owner.text() + ", such as " + owner.text() + "." + ((Enum<?>) enumType.get().getEnumConstants()[0]).name());
        }
        return vocabulary.methods().contains(name) ? Optional.empty()
                : refuse(tokens.get(i), NOT_A_METHOD.formatted(chainEndingAt(tokens, i), name));
    }

    /** A name that starts an expression: a literal, an operator word, a bound variable, a fact field, an enum. */
    private Optional<Refusal> checkHead(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        String name = t.text();
        boolean dotFollows = i + 1 < tokens.size() && tokens.get(i + 1).is(".");
        if (LITERAL_WORDS.contains(name) || names.contains(name)) {
            return Optional.empty();
        }
        if (place == Place.CONSTRAINT && (OPERATOR_WORDS.contains(name) || name.equals("this")
                || vocabulary.factMembers().contains(name))) {
            return Optional.empty();
        }
        if (vocabulary.enumNamed(name).isPresent() && dotFollows) {
            return Optional.empty();
        }
        if (place == Place.CONSEQUENCE && name.equals("decision") && dotFollows) {
            return Optional.empty();
        }
        if (place == Place.CONSEQUENCE && name.equals("drools") && dotFollows && i + 4 < tokens.size()
                && tokens.get(i + 3).is("(") && tokens.get(i + 4).is(")")) {
            return Optional.empty();
        }
        if (name.equals("new")) {
            return refuse(t, "'new " + chainStartingAt(tokens, i + 1) + "' is refused: a rule creates no objects");
        }
        return refuse(t, UNKNOWN.formatted(chainStartingAt(tokens, i)));
    }

    private static Optional<Refusal> refuse(Token at, String message) {
        return Optional.of(new Refusal(at.offset(), message));
    }

    /** {@code java.lang.System.exit} from its first name: what a rule author recognises in a message. */
    private static String chainStartingAt(List<Token> tokens, int i) {
        StringBuilder chain = new StringBuilder();
        for (int j = i; j < tokens.size() && (tokens.get(j).kind() == Kind.NAME || tokens.get(j).is(".")); j++) {
            chain.append(tokens.get(j).text());
        }
        return chain.toString();
    }

    private static String chainEndingAt(List<Token> tokens, int i) {
        int start = i;
        while (start >= 2 && tokens.get(start - 1).is(".") && tokens.get(start - 2).kind() == Kind.NAME) {
            start -= 2;
        }
        return chainStartingAt(tokens, start);
    }

    private static String excerpt(List<Token> statement) {
        StringBuilder text = new StringBuilder();
        for (Token t : statement) {
            if (t.is("(") || text.length() > 60) {
                break;
            }
            text.append(t.kind() == Kind.NAME && !text.isEmpty() && !text.toString().endsWith(".") ? " " : "").append(t.text());
        }
        return text.toString();
    }

    private static int closingParenthesis(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Text, numbers, names and symbols, comments dropped; a text left open or a text block is refused. */
    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new Refused(i, "this comment is not closed");
                }
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                if (text.startsWith("\"\"\"", i)) {
                    throw new Refused(i, "a text block (\"\"\") is refused: write text on one line between quotes");
                }
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= text.length() || text.charAt(end) != c) {
                    throw new Refused(i, "this text is not closed on its line");
                }
                tokens.add(new Token(Kind.TEXT, text.substring(i, end + 1), i));
                i = end + 1;
            } else if (Character.isDigit(c)) {
                Matcher number = NUMBER.matcher(text).region(i, text.length());
                number.lookingAt();
                tokens.add(new Token(Kind.NUMBER, number.group(), i));
                i = number.end();
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(i, end), i));
                i = end;
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                String symbol = TWO_CHAR_SYMBOLS.contains(two) ? two : String.valueOf(c);
                tokens.add(new Token(Kind.SYMBOL, symbol, i));
                i += symbol.length();
            }
        }
        return tokens;
    }

    /** Thrown by the tokenizer; never leaves this class. */
    private static final class Refused extends RuntimeException {

        private final transient Refusal refusal;

        Refused(int offset, String message) {
            super(message, null, false, false);
            this.refusal = new Refusal(offset, message);
        }
    }
}
