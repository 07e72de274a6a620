package org.medcoord.api.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.medcoord.api.common.Identifiers;

/**
 * Identifies the application node (one running coordinator) where an audited call was made, the
 * "where" of an audit record next to the facility.
 *
 * @param value the identifier, see {@link Identifiers}
 * @since 0.1
 */
public record NodeId(String value) {
    /** The node id used when none is configured and the host name is unusable. */
    public static final NodeId DEFAULT = new NodeId("node-1");

    /**
     * Validates the value.
     *
     * @param value the identifier
     */
    public NodeId {
        Identifiers.check("nodeId", value);
    }

    /**
     * Creates an id.
     *
     * @param value the identifier
     * @return the id
     */
    public static NodeId of(String value) {
        return new NodeId(value);
    }

    /**
     * The local host name as a node id, or {@link #DEFAULT} when it cannot be found or is not a
     * valid identifier.
     *
     * @return the node id
     */
    public static NodeId localHost() {
        try {
            String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            return new NodeId(name.length() > 64 ? name.substring(0, 64) : name);
        } catch (UnknownHostException | RuntimeException unusable) {
            return DEFAULT;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
