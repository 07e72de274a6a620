package org.medcoord.spi;

/**
 * The version of this SPI. A plugin built against another major version is refused when the
 * coordinator is built.
 *
 * @since 0.1
 */
public final class SpiVersion {
    /** The SPI version this build of MedCoord implements. */
    public static final int CURRENT = 1;

    private SpiVersion() {
    }
}
