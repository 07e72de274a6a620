package org.medcoord.core.access.internal;

import java.util.Objects;

/**
 * One kind of call a feature's facade makes: the action its audit record names and the permission
 * it needs. Each feature declares its operations as constants in one class (for example
 * {@code AppointmentOperations}) and lists them in its slice, so that every operation of every
 * feature can be enumerated, and no call site spells an action by hand.
 *
 * @param action the audit action, a dotted lower-case name that starts with the feature's prefix,
 *     for example {@code appointment.book}
 * @param permission what the call needs, or {@code null} for an operation that is only recorded
 *     (such as opening a break-glass session, which is allowed or refused by the policy itself)
 */
public record Operation(String action, Permission permission) {
    /**
     * Checks the action.
     *
     * @param action the action
     * @param permission the permission, or null for a record-only operation
     * @throws IllegalArgumentException when the action is not dotted lower-case words
     */
    public Operation {
        Objects.requireNonNull(action, "action");
        if (!validAction(action)) {
            throw new IllegalArgumentException("operation action must be dotted lower-case words: " + action);
        }
    }

    /**
     * A call that needs a permission.
     *
     * @param action the audit action
     * @param permission what it needs
     * @return the operation
     */
    public static Operation of(String action, Permission permission) {
        return new Operation(action, Objects.requireNonNull(permission, "permission"));
    }

    /**
     * An operation that is recorded but not checked against a permission.
     *
     * @param action the audit action
     * @return the operation
     */
    public static Operation recordOnly(String action) {
        return new Operation(action, null);
    }

    /**
     * The same operation, recorded under a more specific action, for example
     * {@code appointment.status} refined by {@code checked-in}.
     *
     * @param qualifier the last part of the action
     * @return the refined operation
     */
    public Operation refined(String qualifier) {
        return new Operation(action + "." + qualifier, permission);
    }

    /**
     * The permission, for an operation that needs one.
     *
     * @return the permission
     * @throws IllegalStateException for a record-only operation
     */
    public Permission required() {
        if (permission == null) {
            throw new IllegalStateException("operation " + action + " is record-only and cannot be run as a call");
        }
        return permission;
    }

    @Override
    public String toString() {
        return action;
    }

    private static boolean validAction(String action) {
        if (action.isEmpty() || action.length() > 64 || action.startsWith(".") || action.endsWith(".")
                || action.contains("..") || action.indexOf('.') < 0) {
            return false;
        }
        for (int i = 0; i < action.length(); i++) {
            char c = action.charAt(i);
            if (!((c >= 'a' && c <= 'z') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
