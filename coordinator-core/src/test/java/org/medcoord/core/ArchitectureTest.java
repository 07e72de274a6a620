package org.medcoord.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.core.appointment.internal.BookingService;
import org.medcoord.core.appointment.internal.WaitlistOffers;
import org.medcoord.core.appointment.internal.WaitlistService;
import org.medcoord.core.audit.internal.AuditReview;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.audit.internal.ChainSealer;
import org.medcoord.core.document.internal.PaperworkService;
import org.medcoord.core.event.internal.OutboxDispatcher;
import org.medcoord.core.internal.DefaultCoordinator;
import org.medcoord.core.schedule.internal.ScheduleService;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.TransactionWork;

/**
 * The module and package directions of DESIGN.md, held by ArchUnit over the production classes
 * of api, spi, core and the memory adapter.
 */
@AnalyzeClasses(packages = "org.medcoord", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.NotTheContractKit.class})
class ArchitectureTest {

    /** The contract kit is test code shipped in a jar; its JUnit dependency is intended. */
    static final class NotTheContractKit implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/testkit/") && !location.contains("-tests.jar");
        }
    }

    /**
     * The core's features depend on each other in one direction only: the packages under
     * {@code org.medcoord.core} (schedule, appointment, document, audit, access, event, ...),
     * each with its internal package, form no cycle.
     */
    @ArchTest
    static final ArchRule core_features_form_no_cycle = slices().matching("org.medcoord.core.(*)..")
            .should().beFreeOfCycles();

    /** No package cycles among the packages analysed here: api, spi, core and the memory adapter. */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("org.medcoord.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule api_depends_on_nothing_but_jdk_and_validation = classes()
            .that().resideInAPackage("org.medcoord.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.validation..", "org.medcoord.api..");

    @ArchTest
    static final ArchRule spi_depends_on_api_only = classes()
            .that().resideInAPackage("org.medcoord.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.validation..", "org.medcoord.api..",
                    "org.medcoord.spi..");

    @ArchTest
    static final ArchRule adapters_never_depend_on_core = noClasses()
            .that().resideInAPackage("org.medcoord.adapter..")
            .should().dependOnClassesThat().resideInAPackage("org.medcoord.core..");

    @ArchTest
    static final ArchRule api_and_spi_use_no_guice_jackson_hibernate_or_slf4j = noClasses()
            .that().resideInAnyPackage("org.medcoord.api..", "org.medcoord.spi..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "com.fasterxml.jackson..",
                    "org.hibernate..", "org.slf4j..");

    @ArchTest
    static final ArchRule time_is_read_only_from_the_injected_clock = noClasses()
            .that().resideInAPackage("org.medcoord..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now");

    @ArchTest
    static final ArchRule every_exception_the_library_throws_extends_the_root = classes()
            .that().resideInAPackage("org.medcoord..").and().areAssignableTo(Throwable.class)
            .should().beAssignableTo(CoordinatorException.class);

    @ArchTest
    static final ArchRule api_and_spi_never_reach_into_internal_packages = noClasses()
            .that().resideInAnyPackage("org.medcoord.api..", "org.medcoord.spi..")
            .should().dependOnClassesThat().resideInAPackage("..internal..");

    /**
     * Patient data is reached through {@link AuditedCalls}, which checks access and appends the
     * audit record in the work's transaction. The other classes that open storage, and why each is
     * allowed to:
     * <ul>
     *   <li>{@link ScheduleService}: facility data only (resources, services, templates);</li>
     *   <li>{@link OutboxDispatcher}: delivers events that carry ids and codes only;</li>
     *   <li>{@link DefaultCoordinator}: opening a break-glass session appends its own audit record;</li>
     *   <li>{@link WaitlistOffers}: offers freed time and appends a {@code waitlist.offer} record;</li>
     *   <li>{@link WaitlistService}: settles a wait-list entry after its audited booking;</li>
     *   <li>{@link BookingService}: reads alternatives after a lost race that its audited call reports;</li>
     *   <li>{@link PaperworkService}: document types, questionnaires and requirements, facility setup
     *       without patient data;</li>
     *   <li>{@link ChainSealer}: seals, checkpoints and exports the audit records themselves;</li>
     *   <li>{@link AuditReview}: the privacy officer's verification and queries, run by
     *       {@code AuditedCalls.runOutside}, which checks access and audits them.</li>
     * </ul>
     * A new class that opens storage fails this rule until it is added here with its reason.
     * The behaviour is checked by {@code AccessMatrixTest}: every service method leaves exactly
     * one audit record per call.
     */
    @ArchTest
    static final ArchRule storage_is_opened_only_through_audited_calls_or_a_named_exception = noClasses()
            .that().resideInAPackage("org.medcoord.core..")
            .and().doNotBelongToAnyOf(AuditedCalls.class, ScheduleService.class, OutboxDispatcher.class,
                    DefaultCoordinator.class, WaitlistOffers.class, WaitlistService.class, BookingService.class,
                    PaperworkService.class, ChainSealer.class, AuditReview.class)
            .should().callMethod(Storage.class, "inTransaction", TransactionWork.class)
            .orShould().callMethod(Storage.class, "read", TransactionWork.class);
}
