/**
 * Internal: not API. Consents and intake paperwork: the paperwork service, its per-session
 * facade, the booking rule that warns about missing paperwork and the check-in guard; may change
 * without notice.
 */
package org.medcoord.core.document.internal;
