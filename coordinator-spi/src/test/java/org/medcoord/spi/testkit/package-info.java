/**
 * The storage contract kit (TCK): JUnit 5 classes that define what a correct
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
 * <p>then write one subclass of {@link org.medcoord.spi.testkit.StorageKit}, answering {@link
 * org.medcoord.spi.testkit.StorageKit#newStorage()} with a fresh, empty storage (the kit closes it
 * after each test):
 *
 * <pre>{@code
 * class VendorStorageKitTest extends StorageKit {
 *     @Override
 *     protected Storage newStorage() {
 *         return new VendorStorage(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>The kit runs {@link org.medcoord.spi.testkit.StorageContract} (atomic units across every
 * store, concurrency) and the contract of every port the storage declares in
 * {@link org.medcoord.spi.storage.Storage#stores()}: {@link
 * org.medcoord.spi.testkit.ScheduleStoreContract}, {@link
 * org.medcoord.spi.testkit.AppointmentStoreContract}, {@link
 * org.medcoord.spi.testkit.ClaimStoreContract}, {@link org.medcoord.spi.testkit.HoldStoreContract},
 * {@link org.medcoord.spi.testkit.IdempotencyStoreContract}, {@link
 * org.medcoord.spi.testkit.WaitlistStoreContract}, {@link
 * org.medcoord.spi.testkit.OutboxStoreContract}, {@link
 * org.medcoord.spi.testkit.DocumentStoreContract} and {@link
 * org.medcoord.spi.testkit.AuditStoreContract}. Name the subclass {@code *Test} so surefire runs
 * it. Two contracts stand apart, since they need more than a storage: {@link
 * org.medcoord.spi.testkit.AuditTamperContract} (changes behind the store's back, which only the
 * adapter knows how to make) and {@link org.medcoord.spi.testkit.CheckpointWitnessContract}.
 * {@link org.medcoord.spi.testkit.Fixtures} builds valid test data for the adapter's own tests too,
 * and {@link org.medcoord.spi.testkit.ArchitectureRules} holds the structure rules every module
 * keeps.
 *
 * <p>The whole kit runs in a few seconds against an in-memory adapter and is meant to stay
 * under about fifteen seconds against a database.
 *
 * @since 0.1
 */
package org.medcoord.spi.testkit;
