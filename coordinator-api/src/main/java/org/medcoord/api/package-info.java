/**
 * MedCoord's API: what host code calls. Start with {@link org.medcoord.api.Coordinator} and
 * {@link org.medcoord.api.CoordinatorSession}.
 *
 * <p>This module depends on the JDK and {@code jakarta.validation} annotations only.
 *
 * @since 0.1
 */
package org.medcoord.api;
