/**
 * How a feature declares itself to the coordinator. Internal: not API, may change in any release.
 */
package org.medcoord.core.feature.internal;
