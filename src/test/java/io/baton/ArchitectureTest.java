package io.baton;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** Domain code and shared values are plain Java: no framework, no infrastructure client. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.baton");

    private static final String[] FRAMEWORKS = { "io.quarkus..", "jakarta..", "io.vertx..", "org.hibernate..",
        "org.apache.kafka..", "io.smallrye.." };

    private static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that().resideInAnyPackage("..domain..", "io.baton.mms..", "io.baton.common..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .allowEmptyShould(false)
            .because("domain rules must be testable without Quarkus and survive a change of framework");

    /** SQL lives in the store packages (and the transaction helpers), nowhere else. */
    private static final ArchRule SQL_ONLY_IN_STORES = noClasses()
            .that().resideOutsideOfPackages("..store..", "io.baton.db..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
            .because("services and resources say what they need; a store says how PostgreSQL gives it");

    /** Capability packages (io.baton.campaign, .notify, ...) depend on each other in one direction only. */
    private static final ArchRule NO_CYCLES_BETWEEN_CAPABILITIES = slices().matching("io.baton.(*)..")
            .should().beFreeOfCycles()
            .because("a capability that calls back into the one that uses it cannot be changed or tested alone");

    @Test
    void capabilityPackagesAreFreeOfCycles() {
        NO_CYCLES_BETWEEN_CAPABILITIES.check(PRODUCTION);
    }

    @Test
    void sqlIsWrittenOnlyInStores() {
        SQL_ONLY_IN_STORES.check(PRODUCTION);
    }

    @Test
    void importsOnlyProductionClasses() {
        assertThat(PRODUCTION).isNotEmpty();
        assertThat(PRODUCTION.stream().map(c -> c.getSimpleName())).doesNotContain("ArchitectureTest", "Api");
        assertThat(PRODUCTION.containPackage("io.baton.campaign.domain")).isTrue();
        // the demo's and the tests' embedded servers (src/demo/java) are not production code
        assertThat(PRODUCTION.containPackage("io.baton.infra")).isFalse();
    }

    @Test
    void domainAndCommonClassesDoNotDependOnFrameworks() {
        DOMAIN_IS_PLAIN_JAVA.check(PRODUCTION);
    }

    @Test
    void theRuleFailsWhenAPackageDependsOnAFramework() {
        ArchRule sameRuleOnIngest = noClasses().that().resideInAnyPackage("io.baton.ingest")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .allowEmptyShould(false);
        assertThat(sameRuleOnIngest.evaluate(PRODUCTION).hasViolation()).isTrue();
    }

    @Test
    void theRuleFailsWhenItMatchesNoClass() {
        ArchRule onNothing = noClasses().that().resideInAnyPackage("io.baton.no.such.package..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .allowEmptyShould(false);
        assertThatThrownBy(() -> onNothing.check(PRODUCTION)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
