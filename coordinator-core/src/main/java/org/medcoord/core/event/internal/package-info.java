/**
 * Internal: not API. Delivery of outbox events to listeners; may change without notice.
 */
package org.medcoord.core.event.internal;
