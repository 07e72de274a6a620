/**
 * Internal: not API. Validation and id generation shared by the services; may change without notice.
 */
package org.medcoord.core.common.internal;
