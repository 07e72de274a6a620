package org.medcoord.api.common;

/**
 * A referenced entity does not exist (or is not visible to the caller).
 *
 * @since 0.1
 */
public class NotFoundException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    /**
     * Creates the exception.
     *
     * @param kind the kind of entity, for example {@code resource}
     * @param id the id that was not found
     */
    public NotFoundException(String kind, String id) {
        super(kind + " not found: " + id);
        this.kind = kind;
        this.id = id;
    }

    /**
     * The kind of entity that was looked up.
     *
     * @return for example {@code appointment}
     */
    public String kind() {
        return kind;
    }

    /**
     * The id that was looked up.
     *
     * @return the id
     */
    public String id() {
        return id;
    }
}
