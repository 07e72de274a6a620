/**
 * MedCoord's engine and its two entry points: {@link org.medcoord.core.Coordinators#builder()}
 * for hosts without a dependency-injection container, and {@link org.medcoord.core.CoordinatorModule}
 * for hosts with their own Guice injector.
 *
 * @since 0.1
 */
package org.medcoord.core;
