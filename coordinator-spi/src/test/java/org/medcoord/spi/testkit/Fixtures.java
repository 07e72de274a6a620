package org.medcoord.spi.testkit;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldId;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.appointment.StatusChange;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistEntryId;
import org.medcoord.api.appointment.WaitlistRequest;
import org.medcoord.api.appointment.WaitlistStatus;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.Answer;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentStatus;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.ResponseItem;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.UnavailabilityKind;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.IdempotencyRecord;
import org.medcoord.spi.storage.OutboxRecord;

/**
 * Valid test data with short, readable factories. Times are on {@link #DAY}, a Monday, in UTC,
 * so {@code at("09:30")} reads as it says. Every value is built through the public records, so
 * a fixture is always something core could have produced.
 *
 * @since 0.1
 */
public final class Fixtures {
    /** Midnight UTC of the day most fixtures use, Monday 7 January 2030. */
    public static final Instant DAY = Instant.parse("2030-01-07T00:00:00Z");

    /** The zone of every fixture resource. */
    public static final ZoneId ZONE = ZoneOffset.UTC;

    /** An instant before every fixture time, used as "now" when deciding which claims are active. */
    public static final Instant NOW = DAY.minus(Duration.ofDays(1));

    /** The site of every fixture resource. */
    public static final String SITE = "main";

    /** The user named in fixture histories and audit records. */
    public static final UserId USER = UserId.of("u-desk");

    private Fixtures() {
    }

    /**
     * A time on {@link #DAY}.
     *
     * @param time local time in UTC, for example {@code "09:30"}
     * @return the instant
     */
    public static Instant at(String time) {
        return at(0, time);
    }

    /**
     * A time on a day after {@link #DAY}.
     *
     * @param days days after {@link #DAY}
     * @param time local time in UTC, for example {@code "09:30"}
     * @return the instant
     */
    public static Instant at(int days, String time) {
        return DAY.plus(Duration.ofDays(days)).plusSeconds(LocalTime.parse(time).toSecondOfDay());
    }

    /**
     * A resource id.
     *
     * @param id the value
     * @return the id
     */
    public static ResourceId rid(String id) {
        return ResourceId.of(id);
    }

    /**
     * A practitioner of capacity 1.
     *
     * @param id the id
     * @return the resource
     */
    public static Resource resource(String id) {
        return resource(id, 1);
    }

    /**
     * A practitioner.
     *
     * @param id the id
     * @param capacity how many claims may overlap at any instant
     * @return the resource
     */
    public static Resource resource(String id, int capacity) {
        return new Resource(rid(id), ResourceKind.PRACTITIONER, "Resource " + id, ZONE, capacity, Set.of("general"), SITE);
    }

    /**
     * A room of capacity 1.
     *
     * @param id the id
     * @return the resource
     */
    public static Resource room(String id) {
        return new Resource(rid(id), ResourceKind.LOCATION, "Room " + id, ZONE, 1, Set.of("exam"), SITE);
    }

    /**
     * A 30-minute service that needs one practitioner.
     *
     * @param id the id
     * @return the service type
     */
    public static ServiceType service(String id) {
        return ServiceType.of(id, "Service " + id, Duration.ofMinutes(30),
                ResourceRequirement.of("provider", ResourceKind.PRACTITIONER));
    }

    /**
     * Weekday hours 08:00 to 17:00 from 1 January 2030.
     *
     * @param resource the resource id
     * @return the template
     */
    public static WeeklyTemplate template(String resource) {
        return WeeklyTemplate.of(rid(resource), LocalDate.of(2030, 1, 1), "08:00", "17:00", DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    /**
     * A block of unavailability.
     *
     * @param resource the resource id
     * @param start the start
     * @param end the end
     * @return the period
     */
    public static Unavailability unavailability(String resource, Instant start, Instant end) {
        return new Unavailability(rid(resource), start, end, UnavailabilityKind.BLOCK, "meeting");
    }

    /**
     * A booked appointment, version 1, with one role per resource ({@code r0}, {@code r1}, ...).
     *
     * @param id the appointment id
     * @param patient the patient id
     * @param start the start
     * @param end the end
     * @param resources resource ids
     * @return the appointment
     */
    public static Appointment appointment(String id, String patient, Instant start, Instant end, String... resources) {
        StatusChange booked = new StatusChange(Optional.empty(), AppointmentStatus.BOOKED, NOW, USER, "book", false);
        return new Appointment(AppointmentId.of(id), PatientId.of(patient), ServiceTypeId.of("consult"), start, end,
                roles(resources), AppointmentStatus.BOOKED, Optional.empty(), false, List.of(booked), 1, FacilityId.of("fac-1"),
                Optional.empty());
    }

    /**
     * The next version of an appointment with another status, the change appended to its history.
     *
     * @param appointment the current version
     * @param status the new status
     * @return the next version
     */
    public static Appointment withStatus(Appointment appointment, AppointmentStatus status) {
        List<StatusChange> history = new ArrayList<>(appointment.history());
        history.add(new StatusChange(Optional.of(appointment.status()), status, NOW, USER, "change", false));
        return new Appointment(appointment.id(), appointment.patient(), appointment.service(), appointment.start(),
                appointment.end(), appointment.resources(), status, appointment.series(), appointment.overbooked(),
                history, appointment.version() + 1, appointment.facility(), appointment.reason());
    }

    /**
     * The next version of an appointment at another time on other resources.
     *
     * @param appointment the current version
     * @param start the new start
     * @param end the new end
     * @param resources the new resource ids
     * @return the next version
     */
    public static Appointment moved(Appointment appointment, Instant start, Instant end, String... resources) {
        return new Appointment(appointment.id(), appointment.patient(), appointment.service(), start, end,
                roles(resources), appointment.status(), appointment.series(), appointment.overbooked(),
                appointment.history(), appointment.version() + 1, appointment.facility(), appointment.reason());
    }

    /**
     * The same appointment with another version number and nothing else changed.
     *
     * @param appointment the appointment
     * @param version the version
     * @return the copy
     */
    public static Appointment withVersion(Appointment appointment, long version) {
        return new Appointment(appointment.id(), appointment.patient(), appointment.service(), appointment.start(),
                appointment.end(), appointment.resources(), appointment.status(), appointment.series(),
                appointment.overbooked(), appointment.history(), version, appointment.facility(), appointment.reason());
    }

    /**
     * A claim without expiry.
     *
     * @param resource the resource id
     * @param start the start
     * @param end the end
     * @param owner the owner, for example {@code appointment:a1}
     * @return the claim
     */
    public static Claim claim(String resource, Instant start, Instant end, String owner) {
        return new Claim(rid(resource), start, end, owner, Optional.empty(), false);
    }

    /**
     * A claim that lapses, as a hold makes.
     *
     * @param resource the resource id
     * @param start the start
     * @param end the end
     * @param owner the owner, for example {@code hold:h1}
     * @param expiresAt when it stops counting
     * @return the claim
     */
    public static Claim holdClaim(String resource, Instant start, Instant end, String owner, Instant expiresAt) {
        return new Claim(rid(resource), start, end, owner, Optional.of(expiresAt), false);
    }

    /**
     * A claim allowed over capacity.
     *
     * @param resource the resource id
     * @param start the start
     * @param end the end
     * @param owner the owner
     * @return the claim
     */
    public static Claim overCapacityClaim(String resource, Instant start, Instant end, String owner) {
        return new Claim(rid(resource), start, end, owner, Optional.empty(), true);
    }

    /**
     * A hold on one practitioner for the {@code consult} service.
     *
     * @param id the hold id
     * @param patient the patient id
     * @param resource the resource id
     * @param start the start
     * @param end the end
     * @param expiresAt the expiry
     * @return the hold
     */
    public static Hold hold(String id, String patient, String resource, Instant start, Instant end, Instant expiresAt) {
        return new Hold(HoldId.of(id), PatientId.of(patient), slot(start, end, resource), expiresAt);
    }

    /**
     * A slot option for the {@code consult} service.
     *
     * @param start the start
     * @param end the end
     * @param resources resource ids, one role each
     * @return the option
     */
    public static SlotOption slot(Instant start, Instant end, String... resources) {
        return new SlotOption(ServiceTypeId.of("consult"), start, end, roles(resources));
    }

    /**
     * An idempotency record created at {@link #NOW}.
     *
     * @param key the key
     * @param fingerprint the request fingerprint
     * @param resultId the result id
     * @return the record
     */
    public static IdempotencyRecord idempotency(String key, String fingerprint, String resultId) {
        return new IdempotencyRecord(IdempotencyKey.of(key), fingerprint, resultId, NOW);
    }

    /**
     * A wait-list entry for patient {@code p-<id>} wanting the first week from {@link #DAY}.
     *
     * @param id the entry id
     * @param service the service type id
     * @param priority 0 to 9, higher first
     * @param createdAt when it was created
     * @param status its status
     * @return the entry
     */
    public static WaitlistEntry waitlistEntry(String id, String service, int priority, Instant createdAt,
                                              WaitlistStatus status) {
        WaitlistRequest request = new WaitlistRequest(PatientId.of("p-" + id), ServiceTypeId.of(service), DAY,
                DAY.plus(Duration.ofDays(7)), priority, Preferences.NONE);
        return new WaitlistEntry(WaitlistEntryId.of(id), request, status, createdAt, Optional.empty(), Optional.empty());
    }

    /**
     * An outbox record of type {@code appointment.booked}.
     *
     * @param eventId the event id
     * @return the record
     */
    public static OutboxRecord event(String eventId) {
        return new OutboxRecord(eventId, "appointment.booked", "a-" + eventId, "{\"event\":\"" + eventId + "\"}", NOW);
    }

    /**
     * A successful audit record.
     *
     * @param action the action, for example {@code appointment.book}
     * @param entity the entity id the action touched
     * @return the record
     */
    public static AuditRecord audit(String action, String entity) {
        return new AuditRecord(NOW, USER, Optional.empty(), FacilityId.of("f-main"), NodeId.of("node-1"), Purpose.TREATMENT, action,
                List.of(entity), Optional.of(PatientId.of("p-1")), AuditOutcome.SUCCESS, "ok");
    }

    /**
     * A document requested at {@code requestedAt}, version 1.
     *
     * @param id the document id
     * @param patient the patient id
     * @param type the document type id
     * @param requestedAt when it was requested
     * @return the document
     */
    public static PatientDocument document(String id, String patient, String type, Instant requestedAt) {
        return PatientDocument.requested(DocumentId.of(id), PatientId.of(patient), DocumentTypeId.of(type), requestedAt);
    }

    /**
     * The next version of a document, completed at {@code at} and valid until {@code expiresAt}
     * (empty: until revoked).
     *
     * @param d the document
     * @param at when it was completed
     * @param expiresAt when it expires
     * @return the completed document
     */
    public static PatientDocument completed(PatientDocument d, Instant at, Optional<Instant> expiresAt) {
        return new PatientDocument(d.id(), d.patient(), d.type(), DocumentStatus.COMPLETED, d.requestedAt(), d.sentAt(),
                Optional.of(at), expiresAt, d.revokedAt(), d.revocationReason(), d.version() + 1);
    }

    /**
     * Answers of every kind, free text included.
     *
     * @param seed varies the answers
     * @return the response
     */
    public static QuestionnaireResponse answers(int seed) {
        return QuestionnaireResponse.of(
                ResponseItem.of("implant", Answer.of(seed % 2 == 0), Answer.code("pacemaker-" + seed)),
                ResponseItem.of("weight-kg", Answer.of(70L + seed)),
                ResponseItem.of("last-scan", Answer.of(LocalDate.of(2029, 12, 1).plusDays(seed))),
                ResponseItem.of("notes", Answer.text("Free text: 3:2 'quoted' \u00e9 \n line " + seed)));
    }

    private static List<RoleAssignment> roles(String... resources) {
        List<RoleAssignment> roles = new ArrayList<>();
        for (int i = 0; i < resources.length; i++) {
            roles.add(new RoleAssignment("r" + i, rid(resources[i])));
        }
        return roles;
    }
}
