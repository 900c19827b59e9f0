package org.govshare.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The house rules the compiler cannot see. Each rule holds for the whole code base, with no frozen exceptions: a
 * new violation fails the build and names the class.
 */
class ArchitectureTest {

    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.govshare");

    private static final DescribedPredicate<JavaClass> STEP_OF_A_PROCESS = DescribedPredicate.describe(
            "a process step (delegate or listener)", c -> c.isAssignableTo(JavaDelegate.class)
                    || c.isAssignableTo(TaskListener.class) || c.isAssignableTo(ExecutionListener.class));

    /**
     * What talks to the database. {@code java.sql.Timestamp} and {@code SQLException} are left out: value classes may
     * convert a time or name an exception without reaching a connection.
     */
    private static final DescribedPredicate<JavaClass> SQL = resideInAPackage("org.springframework.jdbc..")
            .or(belongToAnyOf(Connection.class, ResultSet.class, Statement.class, PreparedStatement.class))
            .as("speak SQL (Spring JDBC, or a JDBC connection, statement or result set)");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.govshare.(*)..").should().beFreeOfCycles().check(CODE);
    }

    @Test
    void platformKnowsNoFeature() {
        classes().that().resideInAPackage("org.govshare.platform..")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe("are outside org.govshare or in platform",
                        c -> !c.getPackageName().startsWith("org.govshare")
                                || c.getPackageName().startsWith("org.govshare.platform")))
                .check(CODE);
    }

    @Test
    void onlyStoresSpeakSql() {
        noClasses().that().haveSimpleNameNotEndingWith("Store")
                .and().resideOutsideOfPackages("org.govshare.cases..")
                .and().resideOutsideOfPackage("org.govshare.platform.database..")
                .should().accessClassesThat(SQL)
                .because("SQL lives in a feature's store, the case kernel's rows and numbers, or the set-up of the database itself")
                .check(CODE);
    }

    @Test
    void processStepsHoldNoSql() {
        noClasses().that(STEP_OF_A_PROCESS).should().dependOnClassesThat(SQL).check(CODE);
    }

    @Test
    void processStepsCallOneService() {
        classes().that(STEP_OF_A_PROCESS).should(callAtMostOneService()).check(CODE);
    }

    private static ArchCondition<JavaClass> callAtMostOneService() {
        return new ArchCondition<>("call at most one service") {
            @Override
            public void check(JavaClass step, ConditionEvents events) {
                Set<String> services = new TreeSet<>();
                for (Dependency d : step.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (target.getPackageName().startsWith("org.govshare") && !target.equals(step)
                            && target.isMetaAnnotatedWith(Component.class)
                            && !target.getPackageName().startsWith("org.govshare.platform")) {
                        services.add(target.getSimpleName());
                    }
                }
                events.add(new SimpleConditionEvent(step, services.size() <= 1,
                        step.getSimpleName() + " calls " + services));
            }
        };
    }
}
