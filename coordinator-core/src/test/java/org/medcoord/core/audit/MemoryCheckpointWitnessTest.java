package org.medcoord.core.audit;

import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.testkit.CheckpointWitnessContract;

class MemoryCheckpointWitnessTest extends CheckpointWitnessContract {
    @Override
    protected CheckpointWitness newWitness() {
        return CheckpointWitnesses.inMemory("memory-test");
    }

    @Override
    protected CheckpointWitness reopen(CheckpointWitness witness) {
        return witness;
    }
}
