package org.medcoord.core.feature.internal;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies MedCoord's own bindings of types a host may bind too (the clock, the storage, the
 * booking rules), so that inside the coordinator's private module they never collide with the
 * host's bindings when the host installs the module into its own injector.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})
public @interface MedCoord {
}
