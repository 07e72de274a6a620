/**
 * JSON for MedCoord's API records with Jackson: {@link org.medcoord.core.json.MedCoordJson} makes a
 * ready mapper, {@link org.medcoord.core.json.MedCoordJacksonModule} adds MedCoord's types to a
 * host's own mapper.
 *
 * @since 0.1
 */
package org.medcoord.core.json;
