/**
 * Values shared by every feature: the exception hierarchy, patient ids and identifier rules.
 *
 * @since 0.1
 */
package org.medcoord.api.common;
