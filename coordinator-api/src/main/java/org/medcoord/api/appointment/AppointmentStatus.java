package org.medcoord.api.appointment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Appointment status, one to one with FHIR R4 {@code AppointmentStatus} codes.
 *
 * <p>Transitions only move forward: proposed/pending/waitlist, then booked, arrived,
 * checked-in, fulfilled; cancelled, noshow and entered-in-error end an appointment. Moving
 * backwards needs the privileged reset, which is audited.
 *
 * @since 0.1
 */
public enum AppointmentStatus {
    /** Proposed, not yet agreed by the participants. */
    PROPOSED("proposed"),
    /** Pending confirmation by some participants. */
    PENDING("pending"),
    /** Booked: the resources are claimed. */
    BOOKED("booked"),
    /** The patient has arrived. */
    ARRIVED("arrived"),
    /** The patient has been checked in. */
    CHECKED_IN("checked-in"),
    /** The visit took place. */
    FULFILLED("fulfilled"),
    /** Cancelled before it took place. */
    CANCELLED("cancelled"),
    /** The patient did not come. */
    NOSHOW("noshow"),
    /** Created in error; to be disregarded. */
    ENTERED_IN_ERROR("entered-in-error"),
    /** On the wait list for a slot. */
    WAITLIST("waitlist");

    private final String code;

    AppointmentStatus(String code) {
        this.code = code;
    }

    /**
     * The FHIR R4 code.
     *
     * @return for example {@code checked-in}
     */
    public String code() {
        return code;
    }

    /**
     * Finds a status by its FHIR code.
     *
     * @param code the code
     * @return the status
     * @throws IllegalArgumentException for an unknown code
     */
    public static AppointmentStatus fromCode(String code) {
        for (AppointmentStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown appointment status code");
    }

    /**
     * Whether the status ends the appointment's life.
     *
     * @return {@code true} for fulfilled, cancelled, noshow and entered-in-error
     */
    public boolean isFinal() {
        return this == FULFILLED || this == CANCELLED || this == NOSHOW || this == ENTERED_IN_ERROR;
    }

    /**
     * Whether the appointment holds its resources in this status.
     *
     * @return {@code true} for booked, arrived, checked-in and fulfilled
     */
    public boolean claimsResources() {
        return this == BOOKED || this == ARRIVED || this == CHECKED_IN || this == FULFILLED;
    }

    /**
     * The statuses reachable from this one by an ordinary (forward) transition.
     *
     * @return the allowed targets; empty for final statuses
     */
    public Set<AppointmentStatus> forwardTargets() {
        return switch (this) {
            case PROPOSED, PENDING, WAITLIST -> EnumSet.of(BOOKED, CANCELLED, ENTERED_IN_ERROR);
            case BOOKED -> EnumSet.of(ARRIVED, CHECKED_IN, FULFILLED, CANCELLED, NOSHOW, ENTERED_IN_ERROR);
            case ARRIVED -> EnumSet.of(CHECKED_IN, FULFILLED, ENTERED_IN_ERROR);
            case CHECKED_IN -> EnumSet.of(FULFILLED, ENTERED_IN_ERROR);
            case FULFILLED, CANCELLED, NOSHOW, ENTERED_IN_ERROR -> EnumSet.noneOf(AppointmentStatus.class);
        };
    }

    /**
     * Whether an ordinary transition to {@code target} is allowed.
     *
     * @param target the wanted status
     * @return {@code true} when it moves forward
     */
    public boolean canMoveTo(AppointmentStatus target) {
        return forwardTargets().contains(target);
    }
}
