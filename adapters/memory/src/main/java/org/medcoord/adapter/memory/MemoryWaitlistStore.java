package org.medcoord.adapter.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistEntryId;
import org.medcoord.api.appointment.WaitlistStatus;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.spi.storage.WaitlistStore;
import org.medcoord.spi.storage.support.UnitBinding;

/** Wait-list entries by id and by service; open lists are sorted when asked for. */
final class MemoryWaitlistStore implements WaitlistStore {
    private static final Comparator<WaitlistEntry> OFFER_ORDER =
            Comparator.comparingInt((WaitlistEntry e) -> e.request().priority()).reversed()
                    .thenComparing(WaitlistEntry::createdAt)
                    .thenComparing(e -> e.id().value());

    private final UnitBinding<Unit> units;
    private final Map<WaitlistEntryId, WaitlistEntry> byId = new HashMap<>();
    private final Map<ServiceTypeId, Set<WaitlistEntryId>> byService = new HashMap<>();

    MemoryWaitlistStore(UnitBinding<Unit> units) {
        this.units = units;
    }

    @Override
    public void put(WaitlistEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entry.request().service(), "entry.request.service");
        Unit unit = units.writing();
        WaitlistEntry previous = byId.get(entry.id());
        if (previous != null) {
            unindex(previous);
        }
        index(entry);
        unit.onRollback(() -> {
            unindex(entry);
            if (previous != null) {
                index(previous);
            }
        });
    }

    @Override
    public Optional<WaitlistEntry> find(WaitlistEntryId id) {
        Objects.requireNonNull(id, "id");
        units.reading();
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<WaitlistEntry> open(ServiceTypeId service) {
        Objects.requireNonNull(service, "service");
        units.reading();
        List<WaitlistEntry> open = new ArrayList<>();
        for (WaitlistEntryId id : byService.getOrDefault(service, Set.of())) {
            WaitlistEntry entry = byId.get(id);
            if (entry.status() == WaitlistStatus.WAITING || entry.status() == WaitlistStatus.OFFERED) {
                open.add(entry);
            }
        }
        open.sort(OFFER_ORDER);
        return List.copyOf(open);
    }

    private void index(WaitlistEntry entry) {
        byId.put(entry.id(), entry);
        byService.computeIfAbsent(entry.request().service(), s -> new HashSet<>()).add(entry.id());
    }

    private void unindex(WaitlistEntry entry) {
        byId.remove(entry.id());
        byService.get(entry.request().service()).remove(entry.id());
    }
}
