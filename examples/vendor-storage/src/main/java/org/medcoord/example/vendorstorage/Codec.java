package org.medcoord.example.vendorstorage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.medcoord.api.appointment.SeriesId;
import org.medcoord.api.appointment.StatusChange;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.WeeklyHours;
import org.medcoord.api.schedule.WeeklyTemplate;

/**
 * The exact binary form of the records kept whole in a BLOB column. Strings are written as their
 * UTF-16 code units, so every Java string (free text included) comes back equal; instants keep
 * their nanoseconds; enums are written by name. Columns that queries filter on are kept beside the
 * BLOB, so nothing here needs to sort.
 *
 * <p>A row that no longer decodes (changed behind the storage's back) makes {@link #decode} throw
 * {@link IllegalArgumentException}; stores turn it into an adapter failure naming the row's id.
 */
final class Codec {
    /** Written first, so a later format can be told apart. */
    private static final byte FORMAT = 1;

    private Codec() {
    }

    /** Writes one record. */
    @FunctionalInterface
    interface Writer<T> {
        void write(Out out, T value) throws IOException;
    }

    /** Reads one record. */
    @FunctionalInterface
    interface Reader<T> {
        T read(In in) throws IOException;
    }

    static <T> byte[] encode(Writer<T> writer, T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (Out out = new Out(bytes)) {
            out.writeByte(FORMAT);
            writer.write(out, value);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
        return bytes.toByteArray();
    }

    static <T> T decode(Reader<T> reader, byte[] bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("no stored record");
        }
        try (In in = new In(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("unknown record format");
            }
            T value = reader.read(in);
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes after the record");
            }
            return value;
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalArgumentException("stored record does not decode", unreadable);
        }
    }

    static final Writer<Resource> RESOURCE = (out, r) -> {
        out.string(r.id().value());
        out.string(r.kind().name());
        out.string(r.displayName());
        out.string(r.zone().getId());
        out.writeInt(r.capacity());
        out.strings(new ArrayList<>(r.tags()));
        out.string(r.site());
    };

    static final Reader<Resource> READ_RESOURCE = in -> new Resource(ResourceId.of(in.string()),
            ResourceKind.valueOf(in.string()), in.string(), ZoneId.of(in.string()), in.readInt(),
            new HashSet<>(in.strings()), in.string());

    static final Writer<ServiceType> SERVICE = (out, s) -> {
        out.string(s.id().value());
        out.string(s.displayName());
        out.duration(s.duration());
        out.writeInt(s.requirements().size());
        for (ResourceRequirement r : s.requirements()) {
            out.string(r.role());
            out.string(r.kind().name());
            out.strings(new ArrayList<>(r.tags()));
        }
        out.duration(s.bufferBefore());
        out.duration(s.bufferAfter());
        out.duration(s.minimumNotice());
        out.duration(s.maximumHorizon());
        out.duration(s.slotStep());
    };

    static final Reader<ServiceType> READ_SERVICE = in -> {
        ServiceTypeId id = ServiceTypeId.of(in.string());
        String name = in.string();
        Duration duration = in.duration();
        int count = in.count();
        List<ResourceRequirement> requirements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requirements.add(new ResourceRequirement(in.string(), ResourceKind.valueOf(in.string()),
                    Set.copyOf(in.strings())));
        }
        return new ServiceType(id, name, duration, requirements, in.duration(), in.duration(), in.duration(),
                in.duration(), in.duration());
    };

    static final Writer<WeeklyTemplate> TEMPLATE = (out, t) -> {
        out.string(t.resource().value());
        out.string(t.effectiveFrom().toString());
        out.optional(t.effectiveUntil().map(LocalDate::toString));
        out.writeInt(t.hours().size());
        for (WeeklyHours h : t.hours()) {
            out.string(h.day().name());
            out.writeLong(h.start().toNanoOfDay());
            out.writeLong(h.end().toNanoOfDay());
        }
    };

    static final Reader<WeeklyTemplate> READ_TEMPLATE = in -> {
        ResourceId resource = ResourceId.of(in.string());
        LocalDate from = LocalDate.parse(in.string());
        Optional<LocalDate> until = in.optional().map(LocalDate::parse);
        int count = in.count();
        List<WeeklyHours> hours = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hours.add(new WeeklyHours(DayOfWeek.valueOf(in.string()), LocalTime.ofNanoOfDay(in.readLong()),
                    LocalTime.ofNanoOfDay(in.readLong())));
        }
        return new WeeklyTemplate(resource, from, until, hours);
    };

    static final Writer<Appointment> APPOINTMENT = (out, a) -> {
        out.string(a.id().value());
        out.string(a.patient().value());
        out.string(a.service().value());
        out.instant(a.start());
        out.instant(a.end());
        out.roles(a.resources());
        out.string(a.status().name());
        out.optional(a.series().map(SeriesId::value));
        out.writeBoolean(a.overbooked());
        out.writeInt(a.history().size());
        for (StatusChange change : a.history()) {
            out.optional(change.from().map(AppointmentStatus::name));
            out.string(change.to().name());
            out.instant(change.at());
            out.string(change.by().value());
            out.string(change.reasonCode());
            out.writeBoolean(change.privileged());
        }
        out.writeLong(a.version());
        out.string(a.facility().value());
        out.writeBoolean(a.reason().isPresent());
        if (a.reason().isPresent()) {
            out.string(a.reason().get().text());
            out.strings(a.reason().get().diagnosisCodes());
        }
    };

    static final Reader<Appointment> READ_APPOINTMENT = in -> {
        AppointmentId id = AppointmentId.of(in.string());
        PatientId patient = PatientId.of(in.string());
        ServiceTypeId service = ServiceTypeId.of(in.string());
        Instant start = in.instant();
        Instant end = in.instant();
        List<RoleAssignment> resources = in.roles();
        AppointmentStatus status = AppointmentStatus.valueOf(in.string());
        Optional<SeriesId> series = in.optional().map(SeriesId::of);
        boolean overbooked = in.readBoolean();
        int count = in.count();
        List<StatusChange> history = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            history.add(new StatusChange(in.optional().map(AppointmentStatus::valueOf),
                    AppointmentStatus.valueOf(in.string()), in.instant(), UserId.of(in.string()), in.string(),
                    in.readBoolean()));
        }
        long version = in.readLong();
        FacilityId facility = FacilityId.of(in.string());
        Optional<VisitReason> reason = in.readBoolean()
                ? Optional.of(new VisitReason(in.string(), in.strings())) : Optional.empty();
        return new Appointment(id, patient, service, start, end, resources, status, series, overbooked, history,
                version, facility, reason);
    };

    static final Writer<Hold> HOLD = (out, h) -> {
        out.string(h.id().value());
        out.string(h.patient().value());
        out.string(h.slot().service().value());
        out.instant(h.slot().start());
        out.instant(h.slot().end());
        out.roles(h.slot().resources());
        out.instant(h.expiresAt());
    };

    static final Reader<Hold> READ_HOLD = in -> new Hold(HoldId.of(in.string()), PatientId.of(in.string()),
            new SlotOption(ServiceTypeId.of(in.string()), in.instant(), in.instant(), in.roles()), in.instant());

    static final Writer<AuditRecord> AUDIT = (out, r) -> {
        out.instant(r.at());
        out.string(r.user().value());
        out.optional(r.onBehalfOf().map(UserId::value));
        out.string(r.facility().value());
        out.string(r.node().value());
        out.string(r.purpose().name());
        out.string(r.action());
        out.strings(r.entities());
        out.optional(r.patient().map(PatientId::value));
        out.string(r.outcome().name());
        out.string(r.detailCode());
    };

    static final Reader<AuditRecord> READ_AUDIT = in -> new AuditRecord(in.instant(), UserId.of(in.string()),
            in.optional().map(UserId::of), FacilityId.of(in.string()), NodeId.of(in.string()),
            Purpose.valueOf(in.string()), in.string(), in.strings(), in.optional().map(PatientId::of),
            AuditOutcome.valueOf(in.string()), in.string());

    /** The writing side, with the shapes the records use. */
    static final class Out extends DataOutputStream {
        Out(ByteArrayOutputStream bytes) {
            super(bytes);
        }

        void string(String value) throws IOException {
            writeInt(value.length());
            writeChars(value);
        }

        void optional(Optional<String> value) throws IOException {
            writeBoolean(value.isPresent());
            if (value.isPresent()) {
                string(value.get());
            }
        }

        void strings(List<String> values) throws IOException {
            writeInt(values.size());
            for (String value : values) {
                string(value);
            }
        }

        void instant(Instant value) throws IOException {
            writeLong(value.getEpochSecond());
            writeInt(value.getNano());
        }

        void duration(Duration value) throws IOException {
            writeLong(value.getSeconds());
            writeInt(value.getNano());
        }

        void roles(List<RoleAssignment> roles) throws IOException {
            writeInt(roles.size());
            for (RoleAssignment role : roles) {
                string(role.role());
                string(role.resource().value());
            }
        }
    }

    /** The reading side. */
    static final class In extends DataInputStream {
        In(ByteArrayInputStream bytes) {
            super(bytes);
        }

        int count() throws IOException {
            int count = readInt();
            if (count < 0 || count > available()) {
                throw new IOException("impossible length " + count);
            }
            return count;
        }

        String string() throws IOException {
            int length = readInt();
            if (length < 0 || 2L * length > available()) {
                throw new IOException("impossible string length " + length);
            }
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                chars[i] = readChar();
            }
            return new String(chars);
        }

        Optional<String> optional() throws IOException {
            return readBoolean() ? Optional.of(string()) : Optional.empty();
        }

        List<String> strings() throws IOException {
            int count = count();
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(string());
            }
            return values;
        }

        Instant instant() throws IOException {
            return Instant.ofEpochSecond(readLong(), readInt());
        }

        Duration duration() throws IOException {
            return Duration.ofSeconds(readLong(), readInt());
        }

        List<RoleAssignment> roles() throws IOException {
            int count = count();
            List<RoleAssignment> roles = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                roles.add(new RoleAssignment(string(), ResourceId.of(string())));
            }
            return roles;
        }
    }
}
