package org.medcoord.example.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.medcoord.core.schedule.internal.FreeMap;
import org.medcoord.core.schedule.internal.SlotEngine;

/**
 * One search question, asked the same way of the engine and of the baselines. Times are in
 * granules; {@code roles[i]} lists the resource keys that may fill role {@code i}, best first.
 */
record Visit(long from, long to, int step, int before, int duration, int after, int[][] roles, int limit) {

    /** The engine's form of the question, over the given free maps (indexed by resource key). */
    SlotEngine.Request toRequest(FreeMap[] maps) {
        List<SlotEngine.Role> built = new ArrayList<>();
        for (int[] role : roles) {
            List<SlotEngine.Candidate> candidates = new ArrayList<>(role.length);
            for (int key : role) {
                candidates.add(new SlotEngine.Candidate(key, maps[key]));
            }
            built.add(new SlotEngine.Role(candidates));
        }
        return new SlotEngine.Request(from, to, step, before, duration, after, null, built, limit);
    }

    /** The first start at or after {@code from} on the step (steps count from granule 0). */
    long firstStart() {
        return from + Math.floorMod(-from, (long) step);
    }
}
