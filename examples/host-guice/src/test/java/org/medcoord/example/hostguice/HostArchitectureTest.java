package org.medcoord.example.hostguice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.medcoord.spi.testkit.ArchitectureRules;

/** Host code sees MedCoord through its api, the builder and the adapters' public classes only. */
@AnalyzeClasses(packages = "org.medcoord.example.hostguice", importOptions = ImportOption.DoNotIncludeTests.class)
class HostArchitectureTest {
    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.freeOfPackageCycles("org.medcoord.example.hostguice");

    @ArchTest
    static final ArchRule reaches_no_internal_package = ArchitectureRules.reachesNoInternalPackageButItsOwn(
            "org.medcoord.example.hostguice");
}
