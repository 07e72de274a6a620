/**
 * Who is calling and why: {@link org.medcoord.api.access.Actor} and
 * {@link org.medcoord.api.access.Purpose} travel with every call into patient data.
 *
 * @since 0.1
 */
package org.medcoord.api.access;
