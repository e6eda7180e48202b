package dev.tokenrefresh.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tokenrefresh.internal.core.time.Ticker;
import java.time.Clock;
import java.time.Instant;

/** The shape of the codebase: a pure core, time only through the injected ticker. */
@AnalyzeClasses(packages = "dev.tokenrefresh", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The core: its public values and errors, and its internals. */
  private static final String[] CORE = {
    "dev.tokenrefresh.core..", "dev.tokenrefresh.internal.core.."
  };

  @ArchTest
  static final ArchRule coreImportsNoJakartaNorMicroProfile =
      noClasses()
          .that()
          .resideInAnyPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta..", "javax.servlet..", "org.eclipse.microprofile..", "com.nimbusds..")
          .because("the core is plain Java; Jakarta, MicroProfile and Nimbus live at the edges");

  @ArchTest
  static final ArchRule coreDependsOnNoEdge =
      noClasses()
          .that()
          .resideInAnyPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(CORE[0], CORE[1], "java..", "javax.crypto..")
          .because("the core must build and run with nothing but the JDK (its AES-GCM included)");

  @ArchTest
  static final ArchRule hazelcastOnlyInItsAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.tokenrefresh.internal.jakarta.cluster..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.hazelcast..")
          .because("Hazelcast is an optional adapter at the edge, loaded only when present");

  @ArchTest
  static final ArchRule onlyTheSystemTickerReadsTheClock =
      noClasses()
          .that()
          .resideInAnyPackage(CORE)
          .and()
          .doNotHaveSimpleName("SystemTicker")
          .should()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(Clock.class, "systemUTC")
          .orShould()
          .callMethod(Thread.class, "sleep", long.class)
          .because("time is injected (" + Ticker.class.getSimpleName() + ") so tests never sleep");
}
