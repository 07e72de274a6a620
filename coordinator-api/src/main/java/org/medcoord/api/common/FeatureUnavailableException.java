package org.medcoord.api.common;

/**
 * A facade of a feature the coordinator was not built with was used. Build the coordinator with
 * the feature (its storage must keep the feature's data) or do not call it.
 *
 * @since 0.1
 */
public class FeatureUnavailableException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    private final String feature;

    /**
     * Creates the exception.
     *
     * @param feature the feature's name
     */
    public FeatureUnavailableException(String feature) {
        super("feature '" + feature + "' is not enabled on this coordinator: build it with the feature, on a "
                + "storage that keeps its data");
        this.feature = feature;
    }

    /**
     * The feature's name.
     *
     * @return the name
     */
    public String feature() {
        return feature;
    }
}
