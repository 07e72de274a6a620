/**
 * The audit trail: one record per call that reads or writes patient data.
 *
 * @since 0.1
 */
package org.medcoord.api.audit;
