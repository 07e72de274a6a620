package org.medcoord.api.common;

import java.util.List;

/**
 * The coordinator could not be built: lists every configuration problem found, not just the
 * first (no storage, two storages, duplicate plugin ids, an SPI version mismatch, a plugin that
 * failed while loading).
 *
 * @since 0.1
 */
public class PluginConfigurationException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems every problem, one sentence each; not empty
     * @param firstCause the first underlying failure, or {@code null}
     */
    public PluginConfigurationException(List<String> problems, Throwable firstCause) {
        super(describe(problems), firstCause);
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem found, in the order found.
     *
     * @return the problems; never empty
     */
    public List<String> problems() {
        return problems;
    }

    private static String describe(List<String> problems) {
        StringBuilder text = new StringBuilder("MedCoord configuration has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (int i = 0; i < problems.size(); i++) {
            text.append(System.lineSeparator()).append("  ").append(i + 1).append(") ").append(problems.get(i));
        }
        return text.toString();
    }
}
