package org.medcoord.api;

import org.medcoord.api.access.Actor;
import org.medcoord.api.access.EmergencyAccess;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.event.EventDelivery;

/**
 * An embedded MedCoord instance. Build one with {@code Coordinators.builder()} (in
 * coordinator-core) or install {@code CoordinatorModule} in the host's Guice injector; keep one
 * per application and share it between threads.
 *
 * <pre>{@code
 * CoordinatorSession desk = coordinator.session(actor, Purpose.TREATMENT);
 * List<SlotOption> options = desk.appointments().findSlots(query);
 * Booking booked = desk.appointments().book(BookCommand.of(patient, options.get(0)));
 * }</pre>
 *
 * @since 0.1
 */
public interface Coordinator extends AutoCloseable {
    /**
     * Opens a session: every call made through it runs as this actor for this purpose. Sessions
     * are cheap, hold no connection, and may be used from one thread at a time or shared.
     *
     * @param actor who is calling
     * @param purpose why
     * @return the session
     * @throws org.medcoord.api.common.InvalidRequestException when either is missing
     */
    CoordinatorSession session(Actor actor, Purpose purpose);

    /**
     * Breaks the glass: opens an emergency session ({@link Purpose#EMERGENCY}) that grants the
     * access policy's break-glass categories, across facilities, until the requested duration (cut
     * to the policy's limit) has passed. Opening it appends an audit record
     * ({@code access.break-glass}) and raises an alert event of the same type at once, in one
     * transaction; every call under it is audited with the emergency purpose, so the privacy
     * officer finds it in the review.
     *
     * @param actor who needs emergency access
     * @param access the reason code and how long
     * @return the emergency session
     * @throws org.medcoord.api.common.InvalidRequestException when an argument is missing
     * @throws org.medcoord.api.common.AccessDeniedException with code
     *         {@link org.medcoord.api.common.AccessDeniedException#BREAK_GLASS_REFUSED} when none of
     *         the actor's roles may break the glass (the refusal is audited too)
     */
    CoordinatorSession breakGlass(Actor actor, EmergencyAccess access);

    /**
     * Delivery of domain events to listeners.
     *
     * @return the delivery service
     */
    EventDelivery events();

    /**
     * Releases what the coordinator holds (for example the storage adapter's pool).
     */
    @Override
    void close();
}
