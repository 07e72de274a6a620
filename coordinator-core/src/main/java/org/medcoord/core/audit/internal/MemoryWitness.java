package org.medcoord.core.audit.internal;

import java.util.Objects;
import java.util.Optional;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.Checkpoint;

/** A checkpoint witness in memory, for tests and for the coordinator's own process. Thread safe. */
public final class MemoryWitness implements CheckpointWitness {
    private final String id;
    private Checkpoint newest;

    /**
     * Creates an empty witness.
     *
     * @param id the id
     */
    public MemoryWitness(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized void witness(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (WitnessRule.isNew(id, Optional.ofNullable(newest), checkpoint)) {
            newest = checkpoint;
        }
    }

    @Override
    public synchronized Optional<Checkpoint> newest() {
        return Optional.ofNullable(newest);
    }
}
