package org.medcoord.core.common.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.Violation;
import org.medcoord.api.common.Violations;

/**
 * Validates commands with Hibernate Validator and turns violations into one
 * {@link InvalidRequestException}. The interpolator never evaluates expressions, so a message
 * can never echo the rejected value.
 */
public final class CommandValidator implements AutoCloseable {
    private final ValidatorFactory factory;
    private final Validator validator;

    /** Bootstraps Hibernate Validator. */
    public CommandValidator() {
        this.factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /**
     * The violations of a command, sorted by path.
     *
     * @param command the command; null is itself a violation
     * @param name the name used for a null command
     * @return the violations, empty when valid
     */
    public List<Violation> check(Object command, String name) {
        if (command == null) {
            return List.of(new Violation(name, "must not be null"));
        }
        Set<ConstraintViolation<Object>> found = validator.validate(command);
        return found.stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::message))
                .toList();
    }

    /**
     * Validates a command together with extra checks that the annotations cannot express.
     *
     * @param command the command
     * @param name the name used for a null command
     * @param extra further checks, run only when the annotations passed
     * @throws InvalidRequestException listing every violation
     */
    public void validate(Object command, String name, java.util.function.Consumer<Violations> extra) {
        Violations all = new Violations();
        List<Violation> basic = check(command, name);
        all.addAll(basic);
        if (basic.isEmpty() && extra != null) {
            extra.accept(all);
        }
        all.throwIfAny();
    }

    @Override
    public void close() {
        factory.close();
    }
}
