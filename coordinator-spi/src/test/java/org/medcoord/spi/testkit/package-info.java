/**
 * The storage contract kit (TCK): abstract JUnit 5 classes that define what a correct
 * {@link org.medcoord.spi.storage.Storage} is. Every storage adapter in MedCoord runs all of
 * them, and so should a vendor's.
 *
 * <p>To use it, depend on this module's test-jar in test scope (JUnit Jupiter must be on the test
 * class path too; the kit needs nothing else):
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>org.medcoord</groupId>
 *   <artifactId>coordinator-spi</artifactId>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * <p>then write one subclass per contract, each answering {@link
 * org.medcoord.spi.testkit.ContractSupport#newStorage()} with a fresh, empty storage (the kit
 * closes it after each test):
 *
 * <pre>{@code
 * class JdbcClaimStoreTest extends ClaimStoreContract {
 *     @Override
 *     protected Storage newStorage() {
 *         return new JdbcStorage(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>The contracts: {@link org.medcoord.spi.testkit.StorageContract} (atomic units across every
 * store, concurrency), {@link org.medcoord.spi.testkit.ScheduleStoreContract}, {@link
 * org.medcoord.spi.testkit.AppointmentStoreContract}, {@link
 * org.medcoord.spi.testkit.ClaimStoreContract}, {@link org.medcoord.spi.testkit.HoldStoreContract},
 * {@link org.medcoord.spi.testkit.IdempotencyStoreContract}, {@link
 * org.medcoord.spi.testkit.WaitlistStoreContract}, {@link
 * org.medcoord.spi.testkit.OutboxStoreContract}, {@link
 * org.medcoord.spi.testkit.DocumentStoreContract} and {@link
 * org.medcoord.spi.testkit.AuditStoreContract}. Name the subclasses {@code *Test} so surefire runs
 * them. {@link org.medcoord.spi.testkit.Fixtures} builds valid test data for the adapter's own
 * tests too.
 *
 * <p>The whole kit runs in a few seconds against an in-memory adapter and is meant to stay
 * under about fifteen seconds against a database.
 *
 * @since 0.1
 */
package org.medcoord.spi.testkit;
