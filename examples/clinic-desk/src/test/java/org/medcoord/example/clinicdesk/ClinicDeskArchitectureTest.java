package org.medcoord.example.clinicdesk;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.medcoord.spi.testkit.ArchitectureRules;

/** The clinic desk is host code: it sees MedCoord through the api, the builder and the adapters' public classes. */
@AnalyzeClasses(packages = "org.medcoord.example.clinicdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ClinicDeskArchitectureTest {
    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.freeOfPackageCycles("org.medcoord.example.clinicdesk");

    @ArchTest
    static final ArchRule reaches_no_internal_package = ArchitectureRules.reachesNoInternalPackageButItsOwn(
            "org.medcoord.example.clinicdesk");
}
