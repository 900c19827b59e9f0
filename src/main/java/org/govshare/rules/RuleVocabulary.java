package org.govshare.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.govshare.rules.catalog.DataItemFact;
import org.govshare.rules.catalog.OverlapFact;
import org.govshare.rules.eligibility.ApplicantFact;
import org.govshare.rules.eligibility.AskedItemFact;
import org.govshare.rules.eligibility.ConditionFact;
import org.govshare.rules.eligibility.HeldGrantFact;
import org.govshare.rules.eligibility.RequestFact;
import org.govshare.rules.supervision.SupervisionCase;
import org.govshare.supervision.ViolationType;
import org.kie.api.definition.rule.Rule;

/**
 * What the rules of one decision may name: the facts the platform gives that decision, the enums their fields
 * hold, the methods of both, and the findings {@link Decision} takes. Listed here by hand, so that handing a rule
 * author a new type is a decision someone makes, not a side effect of adding a class to a package.
 *
 * @param decision the decision's folder under {@code rules/}
 * @param facts the fact types its rules match on
 */
record RuleVocabulary(String decision, List<Class<?>> facts) {

    private static final Map<String, List<Class<?>>> FACTS = Map.of(
            "eligibility", List.of(org.govshare.rules.eligibility.ResourceFact.class, AskedItemFact.class,
                    ConditionFact.class, RequestFact.class, ApplicantFact.class, HeldGrantFact.class),
            "catalog", List.of(org.govshare.rules.catalog.ResourceFact.class, DataItemFact.class, OverlapFact.class),
            "supervision", SupervisionCase.FACTS);

    /** Enums a decision's rules name although no fact holds them: the acts of Art. 33 a supervision rule finds. */
    private static final Map<String, List<Class<?>>> FOUND = Map.of("supervision", List.of(ViolationType.class));

    /** Methods of the values a fact field holds (text, numbers, dates, lists, enums) that only read them. */
    private static final Set<String> VALUE_METHODS = Set.of("isBlank", "isEmpty", "length", "size", "trim", "strip",
            "toUpperCase", "toLowerCase", "contains", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "compareTo",
            "toString", "name", "ordinal", "isBefore", "isAfter", "isEqual", "substring", "indexOf");

    /** The one global every rule file declares. */
    static final String GLOBAL = Decision.class.getName() + " decision";

    /** The vocabulary of a decision, or empty when the platform has no such decision. */
    static Optional<RuleVocabulary> of(String decision) {
        return Optional.ofNullable(FACTS.get(decision)).map(facts -> new RuleVocabulary(decision, facts));
    }

    static Set<String> decisions() {
        return new TreeSet<>(FACTS.keySet());
    }

    /**
     * The enums the facts' fields hold, which rules compare with ({@code SharingType.NON_SHARING}), and those the
     * decision's findings take ({@code ViolationType.DELAYED_REPLY}).
     */
    List<Class<?>> enums() {
        return Stream.concat(factMethods().map(Method::getReturnType).filter(Class::isEnum),
                FOUND.getOrDefault(decision, List.of()).stream()).distinct().toList();
    }

    /** The types a rule file may import: the facts, their enums and {@link Decision}. */
    Set<String> importable() {
        return Stream.of(facts.stream(), enums().stream(), Stream.of(Decision.class))
                .flatMap(s -> s).map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The simple names of the facts and enums, for telling a rule author what there is. */
    String names() {
        return Stream.concat(facts.stream(), enums().stream()).map(Class::getSimpleName).sorted()
                .collect(Collectors.joining(", "));
    }

    /** The simple names of the facts alone. */
    String factNames() {
        return facts.stream().map(Class::getSimpleName).sorted().collect(Collectors.joining(", "));
    }

    boolean isFact(String type) {
        return facts.stream().anyMatch(f -> f.getSimpleName().equals(type) || f.getName().equals(type));
    }

    Optional<Class<?>> enumNamed(String simpleName) {
        return enums().stream().filter(e -> e.getSimpleName().equals(simpleName)).findFirst();
    }

    static boolean isConstant(Class<?> enumType, String name) {
        return Arrays.stream(enumType.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(name));
    }

    /** Fields and methods of the facts, which a constraint names without a receiver ({@code covers($name)}). */
    Set<String> factMembers() {
        return factMethods().map(Method::getName).collect(Collectors.toSet());
    }

    /** Every method a rule may call on a fact or on a value read from one. */
    Set<String> methods() {
        return Stream.concat(factMethods().map(Method::getName), VALUE_METHODS.stream()).collect(Collectors.toSet());
    }

    /** The methods of {@link Decision} a consequence calls to say what a rule found: those that take the rule. */
    static Set<String> findings() {
        return Arrays.stream(Decision.class.getMethods())
                // a finding names its rule; choosing a reply deadline is the one call that adds none
                .filter(m -> m.getParameterCount() > 0 && m.getParameterTypes()[0] == Rule.class
                        || m.getName().equals("replyDeadline") && m.getParameterCount() == 1)
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private Stream<Method> factMethods() {
        return facts.stream().flatMap(f -> Arrays.stream(f.getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic());
    }
}
