/**
 * What can be booked and when: resources (practitioners, rooms, devices), service types with
 * the resource roles each needs, weekly templates in local time, unavailability, and the
 * administration service that maintains them.
 *
 * @since 0.1
 */
package org.medcoord.api.schedule;
