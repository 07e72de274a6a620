package org.medcoord.api.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.medcoord.api.common.Violations;

/**
 * Who may do what, for which purpose: a matrix of role x purpose x data category, deny by default.
 *
 * <p>A call is allowed when one of the actor's roles holds a {@link Grant} for the call's purpose,
 * the data category the call touches and the mode it uses. Everything else is refused with an
 * {@link org.medcoord.api.common.AccessDeniedException} and audited as denied.
 *
 * <p>Three more rules apply on top of the grants:
 * <ul>
 *   <li><b>Minimum necessary.</b> A call that returns appointments returns only what the caller may
 *       read: without {@code CLINICAL} read access the reason for the visit is left out.</li>
 *   <li><b>Facility scoping.</b> An appointment belongs to the facility that booked it. A user sees
 *       and changes only their own facility's appointments, unless one of their roles is
 *       {@linkplain Builder#crossFacility(Role...) cross-facility}.</li>
 *   <li><b>Break-the-glass.</b> {@link Purpose#EMERGENCY} has no standing grants. A user with one of
 *       the {@linkplain Builder#breakGlass(Duration, Set, Set) break-glass roles} opens an emergency
 *       session with a reason; for a limited time it grants the break-glass categories, across
 *       facilities, raises an alert event at once, and every access under it is audited with the
 *       emergency purpose for the privacy officer's review.</li>
 * </ul>
 *
 * <p>Hosts start from {@link #standard()} and adjust, or build their own from {@link #builder()}.
 * Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class AccessPolicy {
    /** The longest break-glass period the standard policy allows. */
    public static final Duration STANDARD_BREAK_GLASS_LIMIT = Duration.ofHours(1);

    private static final Set<Purpose> CARE = EnumSet.of(Purpose.TREATMENT, Purpose.OPERATIONS,
            Purpose.PATIENT_REQUEST);

    private final List<Grant> grants;
    private final Map<Role, Map<Purpose, Map<DataCategory, Set<AccessMode>>>> matrix;
    private final Set<Role> crossFacility;
    private final Duration breakGlassLimit;
    private final Set<Role> breakGlassRoles;
    private final Set<DataCategory> breakGlassCategories;

    private AccessPolicy(Builder b) {
        this.grants = List.copyOf(b.grants);
        Map<Role, Map<Purpose, Map<DataCategory, Set<AccessMode>>>> m = new HashMap<>();
        for (Grant g : grants) {
            m.computeIfAbsent(g.role(), r -> new EnumMap<>(Purpose.class))
                    .computeIfAbsent(g.purpose(), p -> new EnumMap<>(DataCategory.class))
                    .computeIfAbsent(g.category(), c -> EnumSet.noneOf(AccessMode.class))
                    .addAll(g.modes());
        }
        this.matrix = m;
        this.crossFacility = Set.copyOf(b.crossFacility);
        this.breakGlassLimit = b.breakGlassLimit;
        this.breakGlassRoles = Set.copyOf(b.breakGlassRoles);
        this.breakGlassCategories = b.breakGlassCategories.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(b.breakGlassCategories));
    }

    /**
     * An empty builder: nothing is allowed until granted.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The policy MedCoord ships with.
     *
     * <table>
     *   <caption>Standard grants</caption>
     *   <tr><th>role</th><th>purposes</th><th>categories and modes</th></tr>
     *   <tr><td>every role</td><td>every purpose</td><td>SCHEDULE read</td></tr>
     *   <tr><td>administrator</td><td>operations</td><td>SCHEDULE write</td></tr>
     *   <tr><td>scheduler</td><td>treatment, operations, patient request</td>
     *       <td>APPOINTMENT read/write, DOCUMENT read/write</td></tr>
     *   <tr><td>scheduler</td><td>payment</td><td>APPOINTMENT read</td></tr>
     *   <tr><td>clinician</td><td>treatment, operations, patient request</td>
     *       <td>APPOINTMENT read/write, DOCUMENT read/write</td></tr>
     *   <tr><td>clinician</td><td>treatment</td><td>CLINICAL read/write</td></tr>
     *   <tr><td>supervisor</td><td>treatment, operations, patient request</td>
     *       <td>APPOINTMENT read/write, DOCUMENT read/write</td></tr>
     *   <tr><td>supervisor</td><td>treatment, operations</td>
     *       <td>APPOINTMENT override, DOCUMENT override</td></tr>
     *   <tr><td>supervisor</td><td>treatment</td><td>CLINICAL read/write</td></tr>
     *   <tr><td>supervisor</td><td>payment</td><td>APPOINTMENT read</td></tr>
     *   <tr><td>privacy officer</td><td>operations</td><td>AUDIT read</td></tr>
     * </table>
     * Research and emergency have no standing grants to patient data. Nobody is cross-facility.
     * Break-glass: schedulers, clinicians and supervisors, for at most
     * {@link #STANDARD_BREAK_GLASS_LIMIT}, to APPOINTMENT, CLINICAL and DOCUMENT read/write.
     *
     * @return the standard policy
     */
    public static AccessPolicy standard() {
        Builder b = builder();
        Set<Role> all = Set.of(Role.SCHEDULER, Role.CLINICIAN, Role.SUPERVISOR, Role.ADMINISTRATOR,
                Role.PRIVACY_OFFICER);
        for (Role role : all) {
            for (Purpose purpose : Purpose.values()) {
                b.allow(role, purpose, DataCategory.SCHEDULE, AccessMode.READ);
            }
        }
        b.allow(Role.ADMINISTRATOR, Purpose.OPERATIONS, DataCategory.SCHEDULE, AccessMode.WRITE);
        for (Role role : List.of(Role.SCHEDULER, Role.CLINICIAN, Role.SUPERVISOR)) {
            for (Purpose purpose : CARE) {
                b.allow(role, purpose, DataCategory.APPOINTMENT, AccessMode.READ, AccessMode.WRITE);
                b.allow(role, purpose, DataCategory.DOCUMENT, AccessMode.READ, AccessMode.WRITE);
            }
        }
        for (Role role : List.of(Role.CLINICIAN, Role.SUPERVISOR)) {
            b.allow(role, Purpose.TREATMENT, DataCategory.CLINICAL, AccessMode.READ, AccessMode.WRITE);
        }
        for (Purpose purpose : List.of(Purpose.TREATMENT, Purpose.OPERATIONS)) {
            b.allow(Role.SUPERVISOR, purpose, DataCategory.APPOINTMENT, AccessMode.OVERRIDE);
            b.allow(Role.SUPERVISOR, purpose, DataCategory.DOCUMENT, AccessMode.OVERRIDE);
        }
        b.allow(Role.SCHEDULER, Purpose.PAYMENT, DataCategory.APPOINTMENT, AccessMode.READ);
        b.allow(Role.SUPERVISOR, Purpose.PAYMENT, DataCategory.APPOINTMENT, AccessMode.READ);
        b.allow(Role.PRIVACY_OFFICER, Purpose.OPERATIONS, DataCategory.AUDIT, AccessMode.READ);
        b.breakGlass(STANDARD_BREAK_GLASS_LIMIT, Set.of(Role.SCHEDULER, Role.CLINICIAN, Role.SUPERVISOR),
                Set.of(DataCategory.APPOINTMENT, DataCategory.CLINICAL, DataCategory.DOCUMENT));
        return b.build();
    }

    /**
     * Whether any of the roles may use the category in the mode for the purpose, by the standing
     * grants. Break-glass is decided separately, see {@link #breakGlassAllows(Set, DataCategory, AccessMode)}.
     *
     * @param roles the caller's roles
     * @param purpose the purpose of use
     * @param category the data category
     * @param mode the mode
     * @return whether a grant allows it
     */
    public boolean allows(Set<Role> roles, Purpose purpose, DataCategory category, AccessMode mode) {
        for (Role role : roles) {
            Set<AccessMode> modes = matrix.getOrDefault(role, Map.of()).getOrDefault(purpose, Map.of())
                    .getOrDefault(category, Set.of());
            if (modes.contains(mode)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an open break-glass session of a user with these roles allows the access. Break-glass
     * covers reading and writing the break-glass categories, never overrides and never the audit
     * trail.
     *
     * @param roles the caller's roles
     * @param category the data category
     * @param mode the mode
     * @return whether break-glass allows it
     */
    public boolean breakGlassAllows(Set<Role> roles, DataCategory category, AccessMode mode) {
        return mode != AccessMode.OVERRIDE && category != DataCategory.AUDIT && mayBreakGlass(roles)
                && (breakGlassCategories.contains(category) || category == DataCategory.SCHEDULE);
    }

    /**
     * Whether a user with these roles may open a break-glass session at all.
     *
     * @param roles the caller's roles
     * @return whether one of the roles is a break-glass role
     */
    public boolean mayBreakGlass(Set<Role> roles) {
        return roles.stream().anyMatch(breakGlassRoles::contains) && !breakGlassLimit.isZero();
    }

    /**
     * Whether a user with these roles sees other facilities' appointments.
     *
     * @param roles the caller's roles
     * @return whether one of the roles is cross-facility
     */
    public boolean crossFacility(Set<Role> roles) {
        return roles.stream().anyMatch(crossFacility::contains);
    }

    /**
     * The longest break-glass period; a longer request is cut to this.
     *
     * @return the limit, zero when break-glass is disabled
     */
    public Duration breakGlassLimit() {
        return breakGlassLimit;
    }

    /**
     * The standing grants, in the order they were added.
     *
     * @return the grants
     */
    public List<Grant> grants() {
        return grants;
    }

    /**
     * A builder that starts from this policy's settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.grants.addAll(grants);
        b.crossFacility.addAll(crossFacility);
        b.breakGlassLimit = breakGlassLimit;
        b.breakGlassRoles.addAll(breakGlassRoles);
        b.breakGlassCategories.addAll(breakGlassCategories);
        return b;
    }

    /**
     * Builds an {@link AccessPolicy}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final List<Grant> grants = new ArrayList<>();
        private final Set<Role> crossFacility = new HashSet<>();
        private Duration breakGlassLimit = Duration.ZERO;
        private final Set<Role> breakGlassRoles = new HashSet<>();
        private final Set<DataCategory> breakGlassCategories = new HashSet<>();

        private Builder() {
        }

        /**
         * Grants the role access to a data category for a purpose.
         *
         * @param role the role
         * @param purpose the purpose of use
         * @param category the data category
         * @param modes the modes, at least one
         * @return this builder
         */
        public Builder allow(Role role, Purpose purpose, DataCategory category, AccessMode... modes) {
            grants.add(new Grant(role, purpose, category, Set.of(Objects.requireNonNull(modes, "modes"))));
            return this;
        }

        /**
         * Withdraws every grant the role holds for the purpose and category.
         *
         * @param role the role
         * @param purpose the purpose of use
         * @param category the data category
         * @return this builder
         */
        public Builder revoke(Role role, Purpose purpose, DataCategory category) {
            grants.removeIf(g -> g.role().equals(role) && g.purpose() == purpose && g.category() == category);
            return this;
        }

        /**
         * Lets users with these roles see and change other facilities' appointments.
         *
         * @param roles the roles
         * @return this builder
         */
        public Builder crossFacility(Role... roles) {
            crossFacility.addAll(List.of(roles));
            return this;
        }

        /**
         * Configures break-the-glass.
         *
         * @param limit the longest period of one break-glass session; zero disables break-glass
         * @param roles the roles that may break the glass
         * @param categories the data categories a break-glass session opens (read and write)
         * @return this builder
         * @throws org.medcoord.api.common.InvalidRequestException if the limit is negative or a
         *         category is {@code AUDIT}
         */
        public Builder breakGlass(Duration limit, Set<Role> roles, Set<DataCategory> categories) {
            Violations v = new Violations();
            if (v.notNull(limit, "breakGlass.limit")) {
                v.require(!limit.isNegative(), "breakGlass.limit", "must not be negative");
            }
            v.notNull(roles, "breakGlass.roles");
            if (v.notNull(categories, "breakGlass.categories")) {
                v.require(!categories.contains(DataCategory.AUDIT), "breakGlass.categories",
                        "must not open the audit trail");
            }
            v.throwIfAny();
            breakGlassLimit = limit;
            breakGlassRoles.clear();
            breakGlassRoles.addAll(roles);
            breakGlassCategories.clear();
            breakGlassCategories.addAll(categories);
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the immutable policy
         */
        public AccessPolicy build() {
            return new AccessPolicy(this);
        }
    }
}
