package org.medcoord.example.vendorstorage;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.medcoord.spi.testkit.ArchitectureRules;

/** The structure rules of every MedCoord module, over the production classes of the vendor storage. */
@AnalyzeClasses(packages = "org.medcoord.example.vendorstorage", importOptions = ImportOption.DoNotIncludeTests.class)
class VendorStorageArchitectureTest {
    @ArchTest
    static final ArchRule no_package_cycles =
            ArchitectureRules.freeOfPackageCycles("org.medcoord.example.vendorstorage");

    @ArchTest
    static final ArchRule never_depends_on_core = ArchitectureRules.neverDependsOnCore();

    @ArchTest
    static final ArchRule reaches_no_internal_package_but_its_own =
            ArchitectureRules.reachesNoInternalPackageButItsOwn("org.medcoord.example.vendorstorage");
}
