package org.medcoord.core.access.internal;

import java.util.Optional;

/**
 * What a caller may see of one result type: a feature declares one for every type its calls
 * return, and {@link AccessControl#scope} refuses a result of a type that has none. Not API.
 *
 * @param <T> the result type
 */
public interface Projection<T> {
    /**
     * The value as the viewer may see it, returned on its own.
     *
     * @param viewer the caller, with the checks they are subject to
     * @param value the value, never null
     * @return the value as the caller may see it
     * @throws org.medcoord.api.common.AccessDeniedException when the caller may not see it at all
     */
    T one(Viewer viewer, T value);

    /**
     * The value as the viewer may see it as one element of a list: empty leaves it out of the
     * list. By default the same as {@link #one}, refusing the whole call.
     *
     * @param viewer the caller
     * @param value the element, never null
     * @return the element as the caller may see it, or empty to leave it out
     */
    default Optional<T> inList(Viewer viewer, T value) {
        return Optional.of(one(viewer, value));
    }

    /**
     * A projection that shows the value as it is, for a type whose every field any caller granted
     * the call may see: reference data without patient data, or patient data whose call's
     * permission is the whole of the rule (the audit review's entries for a privacy officer).
     * Declaring it is a statement about the type; say why where it is declared.
     *
     * @param <T> the type
     * @return the projection
     */
    static <T> Projection<T> asIs() {
        return (viewer, value) -> value;
    }
}
