package org.medcoord.api.common;

/**
 * The actor may not do this for this purpose. The attempt was audited.
 *
 * @since 0.1
 */
public class AccessDeniedException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    /** The policy holds no grant for the call. */
    public static final String NOT_GRANTED = "access-denied";
    /** The data belongs to another facility and the caller is not cross-facility. */
    public static final String OTHER_FACILITY = "other-facility";
    /** The break-glass period of the session is over. */
    public static final String BREAK_GLASS_EXPIRED = "break-glass-expired";
    /** The caller may not break the glass. */
    public static final String BREAK_GLASS_REFUSED = "break-glass-refused";
    /**
     * The call's result is of a type for which no feature declared what a caller may see of it,
     * so it is refused rather than passed through (access fails closed). A defect of the feature
     * or plugin that returned it, never of the caller's grants.
     */
    public static final String NO_PROJECTION = "no-projection";

    private final String code;

    /**
     * Creates the exception for a call the policy does not grant.
     *
     * @param message names the user id, the action and the missing permission
     */
    public AccessDeniedException(String message) {
        this(NOT_GRANTED, message);
    }

    /**
     * Creates the exception with a reason code.
     *
     * @param code why access was denied, one of the constants of this class
     * @param message names ids, the action and the purpose, never patient data
     */
    public AccessDeniedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * Why access was denied: {@link #NOT_GRANTED}, {@link #OTHER_FACILITY},
     * {@link #BREAK_GLASS_EXPIRED}, {@link #BREAK_GLASS_REFUSED} or {@link #NO_PROJECTION}.
     *
     * @return the reason code
     */
    public String code() {
        return code;
    }
}
