/**
 * Internal: not API. Writing the audit trail; may change without notice.
 */
package org.medcoord.core.audit.internal;
