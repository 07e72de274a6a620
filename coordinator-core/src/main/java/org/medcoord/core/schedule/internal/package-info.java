/**
 * Internal: not API. May change without notice.
 *
 * <p>The free-slot search engine: time in five-minute {@link Granules granules}, one
 * {@link FreeMap bitmap} of free capacity per resource, and {@link SlotEngine}, which finds the
 * starts where every role of a visit can be filled by a distinct resource.
 */
package org.medcoord.core.schedule.internal;
