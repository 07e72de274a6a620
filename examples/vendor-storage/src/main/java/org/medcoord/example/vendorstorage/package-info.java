/**
 * A vendor's MedCoord storage on a SQLite file: {@link org.medcoord.example.vendorstorage.VendorStorage}
 * keeps the store ports of the audit trail, schedules and appointments, and
 * {@link org.medcoord.example.vendorstorage.VendorStoragePlugin} registers it. Written from
 * {@code docs/writing-a-storage-adapter.md} and the SPI Javadoc; see that page for the why of each
 * part.
 *
 * @since 0.1
 */
package org.medcoord.example.vendorstorage;
