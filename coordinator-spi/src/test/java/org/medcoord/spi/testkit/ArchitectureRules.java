package org.medcoord.spi.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure rules every MedCoord module holds, for an adapter's or a host's own ArchUnit test
 * (with {@code com.tngtech.archunit:archunit-junit5} on its test classpath):
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.vendor.medcoord", importOptions = ImportOption.DoNotIncludeTests.class)
 * class VendorArchitectureTest {
 *     @ArchTest
 *     static final ArchRule no_cycles = ArchitectureRules.freeOfPackageCycles("com.vendor.medcoord");
 *     @ArchTest
 *     static final ArchRule no_core = ArchitectureRules.neverDependsOnCore();
 *     @ArchTest
 *     static final ArchRule no_internals = ArchitectureRules.reachesNoInternalPackageButItsOwn("com.vendor.medcoord");
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /**
     * No two packages at or under a root depend on each other in a cycle; the root package takes
     * part as a package of its own.
     *
     * @param rootPackage for example {@code org.medcoord.adapter.jdbc}
     * @return the rule
     */
    public static ArchRule freeOfPackageCycles(String rootPackage) {
        int dot = rootPackage.lastIndexOf('.');
        String parent = dot < 0 ? "" : rootPackage.substring(0, dot + 1);
        String leaf = rootPackage.substring(dot + 1);
        return slices().matching(parent + "(" + leaf + "..)").should().beFreeOfCycles()
                .because("a package cycle makes the packages one unit that cannot be understood or changed apart");
    }

    /**
     * Adapters are written against the api and spi only: core is the engine that loads them.
     *
     * @return the rule
     */
    public static ArchRule neverDependsOnCore() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("org.medcoord.core..")
                .because("adapters see MedCoord through its api and spi, so they keep working as core changes");
    }

    /**
     * No class depends on an {@code internal} package except the module's own: internal packages
     * are not API and change without notice.
     *
     * @param rootPackage the module's root package, whose own internal packages it may use
     * @return the rule
     */
    public static ArchRule reachesNoInternalPackageButItsOwn(String rootPackage) {
        DescribedPredicate<JavaClass> othersInternals = JavaClass.Predicates.resideInAPackage("..internal..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(rootPackage + "..")));
        return noClasses().should().dependOnClassesThat(othersInternals.as("reside in another module's internal package"))
                .because("internal packages are not API");
    }
}
