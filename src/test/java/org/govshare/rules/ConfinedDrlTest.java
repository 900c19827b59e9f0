package org.govshare.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rule file stays inside the rule language: the shipped rules do; every way out is refused with line and column. */
class ConfinedDrlTest {

    /** A rule whose consequence (line 10) is filled in by the test. */
    private static final String RULE = """
            package rules.eligibility;
            import org.govshare.vocabulary.SharingType;
            import org.govshare.rules.eligibility.ResourceFact;
            import org.govshare.rules.eligibility.AskedItemFact;
            global org.govshare.rules.Decision decision;
            rule "An unconditional resource is granted"
            when
                $resource : ResourceFact(sharingType == SharingType.UNCONDITIONAL, $code : code)
            then
                %s
            end
            """;

    private static List<RuleCompilationException.Problem> check(String drl) {
        return ConfinedDrl.check("eligibility", "eligibility/x.drl", drl);
    }

    private static List<RuleCompilationException.Problem> consequence(String then) {
        return check(RULE.formatted(then));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"zhengzhou-2015", "national-2025"})
    void theShippedRulesStayInsideTheRuleLanguage(String pack) {
        RuleSources shipped = RuleSources.read("file:rules/packs/" + pack + "/");

        assertThat(shipped.drlByDecision()).containsKeys("eligibility", "catalog", "supervision");
        assertThat(ConfinedDrl.check(shipped)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "decision.grant(drools.getRule(), \"granted\");",
            "String code = $resource.code(); decision.grant(drools.getRule(), \"granted \" + code);",
            "decision.flag(drools.getRule(), \"resourceCode\", $code.isBlank() ? \"no code\" : \"code \" + $code.trim());",
            "decision.review(drools.getRule(), \"x\", $resource.sharingType() == SharingType.CONDITIONAL ? \"a\" : 'b'); // why",
            "decision.refuse(drools.getRule(), \"x\", \"\" + ($resource.name().length() * 2 - 1) + $resource.sharingType().name());",
            ""})
    void aConsequenceThatOnlyTellsDecisionIsAllowed(String then) {
        assertThat(consequence(then)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(1);",
            "java.lang.System.exit(0);",
            "decision.grant(drools.getRule(), \"x\"); System.exit(1);",
            "java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/x\"), \"x\");",
            "new java.io.FileWriter(\"/tmp/x\").close();",
            "decision.grant(drools.getRule(), \"\" + new java.io.File(\"/tmp/x\").delete());",
            "new Thread(() -> {}).start();",
            "Runtime.getRuntime().exec(\"ls\");",
            "org.govshare.platform.BackgroundWorker.pause(java.time.Duration.ofSeconds(10));",
            "decision.grant(drools.getRule(), $resource.getClass().getName());",
            "decision.grant(drools.getRule(), Class.forName(\"java.lang.Runtime\").getName());",
            "decision.grant(drools.getRule(), \"\" + System.getenv(\"HOME\"));",
            "decision.grant(drools.getRule(), SharingType.valueOf(\"UNCONDITIONAL\").name());",
            "decision.findings().clear();",
            "decision.grant(drools.getRule(), \"x\").toString();",
            "drools.halt();",
            "decision.grant(drools.getRule().getName(), \"x\");",
            "kcontext.getKieRuntime().halt();",
            "insert(new ResourceFact(null, null, null, null, null));",
            "modify($resource) { };",
            "delete($resource);",
            "String home = System.getProperty(\"user.home\"); decision.grant(drools.getRule(), home);",
            "Thread t = null;",
            "String decision = \"x\";",
            "decision.grant(drools.getRule(), $code = \"y\");",
            "if (true) { System.exit(1); }",
            "for (;;) { }",
            "decision.grant(drools.getRule(), $resource.code().chars().count() + \"\");",
            "decision.grant(drools.getRule(), \"x\" /* a comment */ + \"\"\"\"\"\");"})
    void aConsequenceThatDoesAnythingElseIsRefusedOnItsLine(String then) {
        assertThat(consequence(then)).as(then).isNotEmpty().allSatisfy(p -> {
            assertThat(p.rule()).isEqualTo("drl-confined");
            assertThat(p.file()).isEqualTo("eligibility/x.drl");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.column()).isBetween(5, 5 + then.length());
            assertThat(p.message()).contains("refused").doesNotContain("\n");
        });
    }

    @Test
    void aRefusalNamesWhatIsRefusedAndWhy() {
        assertThat(consequence("java.lang.System.exit(0);")).singleElement().hasToString("eligibility/x.drl:10:5:"
                + " 'java.lang.System.exit' is refused: a consequence only calls decision.refuse, review, grant or flag"
                + " (and may name a value for them first: String name = $item.name();)");
        assertThat(consequence("decision.grant(drools.getRule(), $resource.getClass().getName());")).singleElement()
                .hasToString("eligibility/x.drl:10:48: '$resource.getClass' is refused: getClass is not a method of the"
                        + " facts or of the values they hold, so a rule may not call it");
        assertThat(consequence("decision.grant(drools.getRule(), \"\" + new java.io.File(\"/tmp/x\").getName());"))
                .singleElement().hasToString("eligibility/x.drl:10:43: 'new java.io.File' is refused: a rule creates no objects");
    }

    @Test
    void everyStatementOfAConsequenceIsCheckedOnItsOwn() {
        assertThat(consequence("System.exit(1);\n    decision.grant(drools.getRule(), \"ok\");\n    Runtime.getRuntime().halt(1);"))
                .extracting(RuleCompilationException.Problem::line).containsExactly(10, 12);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import java.io.File;",
            "import java.io.*;",
            "import org.govshare.rules.eligibility.*;",
            "import org.govshare.platform.BackgroundWorker;",
            "import org.govshare.rules.catalog.DataItemFact;",
            "import function java.lang.System.exit;",
            "global java.util.List sink;",
            "global org.govshare.rules.Decision other;",
            "function void boom() { System.exit(1); }",
            "declare Foo\n    x : String\nend",
            "declare enum Colour RED; end",
            "query \"every resource\" ResourceFact() end",
            "dialect \"mvel\""})
    void aFileThatDeclaresAnythingButItsRulesIsRefusedWhereItDoes(String declaration) {
        String drl = RULE.formatted("decision.grant(drools.getRule(), \"granted\");")
                .replace("global org.govshare.rules.Decision decision;\n",
                        "global org.govshare.rules.Decision decision;\n" + declaration + "\n");

        assertThat(check(drl)).as(declaration).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("drl-confined");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void anImportOrAGlobalIsRefusedWithASentenceNamingWhatIsAllowed() {
        String drl = RULE.formatted("decision.grant(drools.getRule(), \"granted\");")
                .replace("import org.govshare.vocabulary.SharingType;\n", "import java.io.File;\nimport org.govshare.vocabulary.SharingType;\n")
                .replace("global org.govshare.rules.Decision decision;\n", "global org.govshare.rules.Decision decision;\nglobal java.util.List sink;\n");

        assertThat(check(drl)).extracting(Object::toString).containsExactly(
                "eligibility/x.drl:2:1: 'import java.io.File' is refused: a rule of the eligibility decision imports only"
                        + " its facts and their enums (ApplicantFact, AskedItemFact, ConditionFact, ConditionType,"
                        + " DepartmentKind, HeldGrantFact, RequestFact, ResourceFact, Sensitivity, SharingType, Tier)",
                "eligibility/x.drl:7:1: 'global java.util.List sink' is refused: the only global is"
                        + " 'org.govshare.rules.Decision decision'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ResourceFact(code == java.lang.System.getProperty(\"x\"))",
            "ResourceFact(code == System.getenv(\"HOME\"))",
            "ResourceFact(getClass().getName() == \"x\")",
            "ResourceFact(code.getBytes() != null)",
            "ResourceFact(this != new Object())",
            "ResourceFact(code == org.govshare.platform.ProcessText.fit(\"a\", \"b\"))",
            "ResourceFact(sharingType == SharingType.valueOf(\"X\"))",
            "ResourceFact(decision.refused())",
            "eval(System.exit(1) == null)",
            "eval($resource.getClass() != null)",
            "String() from java.lang.System.getProperty(\"x\")",
            "$n : Number() from accumulate(AskedItemFact($i : index), count($i))",
            "$l : java.util.List() from collect(AskedItemFact())",
            "java.lang.Runtime()",
            "AskedItemFact() over window:length(2)",
            "if ($resource.code() == \"x\") do[extra]",
            "AskedItemFact(name == \"\\u0022\")"})
    void aConditionThatReachesBeyondTheFactsIsRefused(String condition) {
        String drl = RULE.formatted("decision.grant(drools.getRule(), \"granted\");")
                .replace("$code : code)\n", "$code : code)\n    " + condition + "\n");

        assertThat(check(drl)).as(condition).isNotEmpty().allSatisfy(p -> {
            assertThat(p.rule()).isEqualTo("drl-confined");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("refused");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "AskedItemFact(name in (\"a\", \"b\"), sensitivity not in (Sensitivity.PUBLIC), index >= 0 && !name.isBlank())",
            "$item : AskedItemFact($name : name, name contains \"号\" || name matches \".*码\")",
            "not AskedItemFact(name == $code)",
            "exists AskedItemFact(this != null)",
            "eval($code.isBlank() == false)"})
    void aConditionOnTheFactsIsAllowed(String condition) {
        String drl = RULE.formatted("decision.grant(drools.getRule(), \"granted\");")
                .replace("import org.govshare.vocabulary.SharingType;\n", "import org.govshare.vocabulary.SharingType;\nimport org.govshare.vocabulary.Sensitivity;\n")
                .replace("$code : code)\n", "$code : code)\n    " + condition + "\n");

        assertThat(check(drl)).as(condition).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "rule \"An unconditional resource is granted\" @article(System.exit(1))",
            "rule \"An unconditional resource is granted\" salience ($resource.hashCode())",
            "rule \"An unconditional resource is granted\" dialect \"mvel\"",
            "rule \"An unconditional resource is granted\" enabled (java.lang.Boolean.TRUE)",
            "rule \"An unconditional resource is granted\" timer (int: 1s)"})
    void aRuleAttributeOrAnnotationThatIsNotALiteralIsRefused(String header) {
        String drl = RULE.formatted("decision.grant(drools.getRule(), \"granted\");")
                .replace("rule \"An unconditional resource is granted\"", header);

        assertThat(check(drl)).as(header).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(6));
    }

    @Test
    void ruleAttributesWithPlainValuesAreAllowed() {
        String drl = RULE.formatted("decision.grant(drools.getRule(), \"granted\");")
                .replace("rule \"An unconditional resource is granted\"",
                        "rule \"An unconditional resource is granted\" @article(\"13, 14\") salience 10 no-loop");

        assertThat(check(drl)).isEmpty();
    }

    @Test
    void aNamedConsequenceAndAForeignPackageAreRefused() {
        String named = RULE.formatted("decision.grant(drools.getRule(), \"granted\");\nthen[extra]\n    System.exit(2);");
        String foreign = RULE.formatted("decision.grant(drools.getRule(), \"granted\");")
                .replace("package rules.eligibility;", "package org.govshare.platform;");

        assertThat(check(named)).extracting(RuleCompilationException.Problem::message)
                .anySatisfy(m -> assertThat(m).startsWith("the named consequences"));
        assertThat(check(foreign)).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("the package is 'rules.eligibility' for a file of the eligibility decision, not 'org.govshare.platform'"));
    }

    @Test
    void aFileOfADecisionThePlatformDoesNotHaveIsRefused() {
        assertThat(ConfinedDrl.check("payroll", "payroll/x.drl", RULE.formatted("")))
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("payroll/x.drl:0:0"));
    }

    @Test
    void aFileTheParserCannotReadIsLeftToTheCompiler() {
        assertThat(check("package rules.eligibility;\nrule \"broken\"\nwhen\nthen then\nend\n")).isEmpty();
    }

    @Test
    void aLoneCarriageReturnCannotEndACommentBehindTheChecksBack() {
        // Java ends the comment at the carriage return and would compile the call; the check reads on to the line feed
        String hidden = RULE.formatted("// a note\rjava.lang.System.exit(0);\ndecision.grant(drools.getRule(), \"granted\");");
        String windows = RULE.formatted("decision.grant(drools.getRule(), \"granted\"); // a note").replace("\n", "\r\n");

        assertThat(check(hidden)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).startsWith("a carriage return without a line feed is refused");
        });
        assertThat(check(windows)).isEmpty();
    }
}
