/**
 * Internal: not API. The access check every call passes; may change without notice.
 */
package org.medcoord.core.access.internal;
