/**
 * Event listeners: plugins and hosts that react to domain events (notifications, EHR sync).
 *
 * @since 0.1
 */
package org.medcoord.spi.event;
