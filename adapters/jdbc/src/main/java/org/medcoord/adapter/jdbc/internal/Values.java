package org.medcoord.adapter.jdbc.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.access.UserId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.StatusChange;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.TimeOfDay;
import org.medcoord.api.schedule.WeeklyHours;

/**
 * The nested parts of records in their {@link Codec} text form, one pair of methods per kind.
 * Instants inside nested values are written in ISO-8601 form, which keeps every nanosecond.
 */
final class Values {
    private Values() {
    }

    static String strings(List<String> values) {
        return Codec.encode(values);
    }

    static List<String> strings(String text) {
        List<String> values = Codec.decode(text);
        if (values.contains(null)) {
            throw new IllegalArgumentException("absent element in a list of strings");
        }
        return values;
    }

    static String tags(Set<String> tags) {
        return Codec.sorted(tags);
    }

    static Set<String> tags(String text) {
        return Set.copyOf(strings(text));
    }

    static String roles(List<RoleAssignment> roles) {
        return Codec.encodeAll(roles, r -> Codec.fields(r.role(), r.resource().value()));
    }

    static List<RoleAssignment> roles(String text) {
        return Codec.decodeAll(text, f -> new RoleAssignment(f.get(0), ResourceId.of(f.get(1))));
    }

    static String history(List<StatusChange> history) {
        return Codec.encodeAll(history, c -> Codec.fields(c.from().map(AppointmentStatus::code).orElse(null),
                c.to().code(), c.at().toString(), c.by().value(), c.reasonCode(), Boolean.toString(c.privileged())));
    }

    static List<StatusChange> history(String text) {
        return Codec.decodeAll(text, f -> new StatusChange(Optional.ofNullable(f.get(0)).map(AppointmentStatus::fromCode),
                AppointmentStatus.fromCode(f.get(1)), Instant.parse(f.get(2)), UserId.of(f.get(3)), f.get(4),
                bool(f.get(5))));
    }

    static String reason(VisitReason reason) {
        List<String> parts = new ArrayList<>();
        parts.add(reason.text());
        parts.addAll(reason.diagnosisCodes());
        return Codec.encode(parts);
    }

    static VisitReason reason(String text) {
        List<String> parts = strings(text);
        return new VisitReason(parts.get(0), parts.subList(1, parts.size()));
    }

    static String requirements(List<ResourceRequirement> requirements) {
        return Codec.encodeAll(requirements, r -> Codec.fields(r.role(), r.kind().name(), tags(r.tags())));
    }

    static List<ResourceRequirement> requirements(String text) {
        return Codec.decodeAll(text, f -> new ResourceRequirement(f.get(0), ResourceKind.valueOf(f.get(1)),
                tags(f.get(2))));
    }

    static String hours(List<WeeklyHours> hours) {
        return Codec.encodeAll(hours, h -> Codec.fields(h.day().name(), h.start().toString(), h.end().toString()));
    }

    static List<WeeklyHours> hours(String text) {
        return Codec.decodeAll(text, f -> new WeeklyHours(DayOfWeek.valueOf(f.get(0)), LocalTime.parse(f.get(1)),
                LocalTime.parse(f.get(2))));
    }

    static String slot(SlotOption slot) {
        return Codec.fields(slot.service().value(), slot.start().toString(), slot.end().toString(),
                roles(slot.resources()));
    }

    static SlotOption slot(String text) {
        List<String> f = Codec.decode(text);
        return new SlotOption(ServiceTypeId.of(f.get(0)), Instant.parse(f.get(1)), Instant.parse(f.get(2)),
                roles(f.get(3)));
    }

    static String preferences(Preferences p) {
        if (p == null) {
            return null;
        }
        return Codec.fields(Codec.sorted(p.sites()), Codec.sorted(ids(p.onlyResources())),
                Codec.sorted(ids(p.preferredResources())),
                Codec.sorted(p.timesOfDay().stream().map(TimeOfDay::name).toList()),
                p.zone().map(ZoneId::getId).orElse(null));
    }

    static Preferences preferences(String text) {
        if (text == null) {
            return null;
        }
        List<String> f = Codec.decode(text);
        Set<TimeOfDay> times = new LinkedHashSet<>();
        for (String name : strings(f.get(3))) {
            times.add(TimeOfDay.valueOf(name));
        }
        return new Preferences(tags(f.get(0)), resourceIds(f.get(1)), resourceIds(f.get(2)), times,
                Optional.ofNullable(f.get(4)).map(ZoneId::of));
    }

    private static List<String> ids(Set<ResourceId> ids) {
        List<String> values = new ArrayList<>(ids.size());
        for (ResourceId id : ids) {
            values.add(id.value());
        }
        return values;
    }

    private static Set<ResourceId> resourceIds(String text) {
        Set<ResourceId> ids = new LinkedHashSet<>();
        for (String value : strings(text)) {
            ids.add(ResourceId.of(value));
        }
        return ids;
    }

    private static boolean bool(String text) {
        if ("true".equals(text)) {
            return true;
        }
        if ("false".equals(text)) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean");
    }
}
