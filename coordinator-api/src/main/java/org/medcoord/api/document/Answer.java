package org.medcoord.api.document;

import java.time.LocalDate;
import java.util.Objects;
import org.medcoord.api.common.Identifiers;

/**
 * One typed answer to a questionnaire item, like a FHIR {@code QuestionnaireResponse.item.answer}
 * value: a boolean, a coded choice, an integer, a date or free text.
 *
 * <p>Free text may carry patient data: {@link TextValue#toString()} never shows it, and no
 * message of MedCoord repeats it.
 *
 * @since 0.1
 */
public sealed interface Answer {
    /** The longest free-text answer accepted. */
    int MAX_TEXT = 2000;

    /**
     * A yes/no answer ({@code valueBoolean}).
     *
     * @param value the answer
     * @since 0.1
     */
    record BooleanValue(boolean value) implements Answer {
    }

    /**
     * A coded choice ({@code valueCoding.code}), such as {@code pacemaker}; follows the
     * identifier rules of {@link Identifiers}.
     *
     * @param code the code
     * @since 0.1
     */
    record CodeValue(String code) implements Answer {
        /**
         * Validates the code.
         *
         * @param code the code
         */
        public CodeValue {
            Identifiers.check("code", code);
        }
    }

    /**
     * A whole number ({@code valueInteger}).
     *
     * @param value the answer
     * @since 0.1
     */
    record IntegerValue(long value) implements Answer {
    }

    /**
     * A date ({@code valueDate}).
     *
     * @param value the date
     * @since 0.1
     */
    record DateValue(LocalDate value) implements Answer {
        /**
         * Checks the date is present.
         *
         * @param value the date
         */
        public DateValue {
            if (value == null) {
                throw org.medcoord.api.common.InvalidRequestException.of("value", "must not be null");
            }
        }
    }

    /**
     * Free text ({@code valueString}); never shown by {@link #toString()}.
     *
     * @param value the text, 1 to {@link #MAX_TEXT} characters
     * @since 0.1
     */
    record TextValue(String value) implements Answer {
        /**
         * Validates the text.
         *
         * @param value the text
         */
        public TextValue {
            Identifiers.checkText("value", value, MAX_TEXT);
        }

        @Override
        public String toString() {
            return "TextValue[" + value.length() + " characters]";
        }
    }

    /**
     * A yes/no answer.
     *
     * @param value the answer
     * @return the answer
     */
    static Answer of(boolean value) {
        return new BooleanValue(value);
    }

    /**
     * A whole number.
     *
     * @param value the answer
     * @return the answer
     */
    static Answer of(long value) {
        return new IntegerValue(value);
    }

    /**
     * A date.
     *
     * @param value the date
     * @return the answer
     */
    static Answer of(LocalDate value) {
        return new DateValue(Objects.requireNonNull(value, "value"));
    }

    /**
     * A coded choice.
     *
     * @param code the code
     * @return the answer
     */
    static Answer code(String code) {
        return new CodeValue(code);
    }

    /**
     * Free text.
     *
     * @param text the text
     * @return the answer
     */
    static Answer text(String text) {
        return new TextValue(text);
    }
}
