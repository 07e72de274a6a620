/**
 * MedCoord's service-provider interface: what adapters implement. Start with
 * {@link org.medcoord.spi.CoordinatorPlugin}.
 *
 * <p>This module depends on coordinator-api only. The contract test kit ships as this module's
 * test-jar ({@code org.medcoord.spi.testkit}); every adapter runs it.
 *
 * @since 0.1
 */
package org.medcoord.spi;
