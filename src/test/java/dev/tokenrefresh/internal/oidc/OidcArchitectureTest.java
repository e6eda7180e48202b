package dev.tokenrefresh.internal.oidc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter stays below the Jakarta layer: Nimbus yes, Jakarta and MicroProfile no. */
class OidcArchitectureTest {

  @Test
  void oidcAdapter_importsNoJakartaOrMicroProfile() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tokenrefresh.oidc");
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta..", "javax.servlet..", "org.eclipse.microprofile..")
        .check(classes);
  }
}
