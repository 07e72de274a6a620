package org.medcoord.adapter.jdbc;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.medcoord.spi.testkit.ArchitectureRules;

/** The structure rules of every MedCoord module, over the production classes of the JDBC adapter. */
@AnalyzeClasses(packages = "org.medcoord.adapter.jdbc", importOptions = ImportOption.DoNotIncludeTests.class)
class JdbcArchitectureTest {
    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.freeOfPackageCycles("org.medcoord.adapter.jdbc");

    @ArchTest
    static final ArchRule never_depends_on_core = ArchitectureRules.neverDependsOnCore();

    @ArchTest
    static final ArchRule reaches_no_internal_package_but_its_own =
            ArchitectureRules.reachesNoInternalPackageButItsOwn("org.medcoord.adapter.jdbc");
}
