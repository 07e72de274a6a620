/**
 * Internal: not API. Wiring of the coordinator and its sessions; may change without notice.
 */
package org.medcoord.core.internal;
