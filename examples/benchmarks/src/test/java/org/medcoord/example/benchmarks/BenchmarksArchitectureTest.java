package org.medcoord.example.benchmarks;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.medcoord.spi.testkit.ArchitectureRules;

/**
 * The benchmarks form no package cycle. Unlike host code they may reach into core's internal
 * packages: several measure one internal component (the slot engine, the chain verifier) against
 * its baseline.
 */
@AnalyzeClasses(packages = "org.medcoord.example.benchmarks", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchmarksArchitectureTest {
    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.freeOfPackageCycles("org.medcoord.example.benchmarks");
}
