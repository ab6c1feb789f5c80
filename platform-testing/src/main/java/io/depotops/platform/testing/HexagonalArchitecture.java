package io.depotops.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layers of DESIGN.md for one service's base package: {@code domain} is pure Java, {@code
 * application} knows the domain and its own ports, only adapters (and {@code config}) touch
 * frameworks, transports and {@code shared-contracts}; inbound and outbound adapters do not know
 * each other.
 */
public final class HexagonalArchitecture {

    private static final String CONTRACTS = "io.depotops.contracts..";
    private static final String PLATFORM = "io.depotops.platform..";

    private HexagonalArchitecture() {}

    /** Checks every rule against the production classes under {@code basePackage}. */
    public static void verify(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        for (ArchRule rule : rules(basePackage)) {
            rule.check(classes);
        }
    }

    static List<ArchRule> rules(String base) {
        String domain = base + ".domain..";
        String application = base + ".application..";
        String adapters = base + ".adapter..";
        String inbound = base + ".adapter.in..";
        String outbound = base + ".adapter.out..";
        String config = base + ".config..";
        return List.of(
                noClasses()
                        .that()
                        .resideInAPackage(domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                application,
                                adapters,
                                config,
                                CONTRACTS,
                                PLATFORM,
                                "jakarta..",
                                "javax.persistence..",
                                "io.quarkus..",
                                "io.smallrye..",
                                "io.vertx..",
                                "org.hibernate..",
                                "com.fasterxml..",
                                "com.rabbitmq..")
                        .as("the domain is pure Java")
                        .allowEmptyShould(true),
                noClasses()
                        .that()
                        .resideInAPackage(application)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                adapters,
                                config,
                                CONTRACTS,
                                "jakarta.ws..",
                                "io.vertx..",
                                "com.rabbitmq..",
                                "io.quarkus.redis..",
                                "software.amazon..")
                        .as("use cases know ports, not adapters, transports or wire contracts")
                        .allowEmptyShould(true),
                noClasses()
                        .that()
                        .resideInAPackage(inbound)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(outbound)
                        .as("inbound adapters reach outbound ones only through application ports")
                        .allowEmptyShould(true),
                noClasses()
                        .that()
                        .resideInAPackage(outbound)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(inbound)
                        .as("outbound adapters do not call inbound ones")
                        .allowEmptyShould(true),
                noClasses()
                        .that()
                        .resideInAPackage(base + "..")
                        .and()
                        .resideOutsideOfPackages(adapters, config)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(CONTRACTS)
                        .as("only adapters import shared-contracts")
                        .allowEmptyShould(true));
    }
}
