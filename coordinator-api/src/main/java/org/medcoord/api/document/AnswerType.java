package org.medcoord.api.document;

/**
 * The type of answer a questionnaire item takes, like FHIR {@code Questionnaire.item.type}.
 *
 * @since 0.1
 */
public enum AnswerType {
    /** Yes or no: {@link Answer.BooleanValue}. */
    BOOLEAN("boolean"),
    /** A coded choice: {@link Answer.CodeValue}. */
    CODING("coding"),
    /** A whole number: {@link Answer.IntegerValue}. */
    INTEGER("integer"),
    /** A date: {@link Answer.DateValue}. */
    DATE("date"),
    /** Free text: {@link Answer.TextValue}. */
    STRING("string");

    private final String code;

    AnswerType(String code) {
        this.code = code;
    }

    /**
     * The FHIR item type code.
     *
     * @return for example {@code boolean}
     */
    public String code() {
        return code;
    }

    /**
     * Whether an answer is of this type.
     *
     * @param answer the answer
     * @return {@code true} when it is
     */
    public boolean accepts(Answer answer) {
        return switch (this) {
            case BOOLEAN -> answer instanceof Answer.BooleanValue;
            case CODING -> answer instanceof Answer.CodeValue;
            case INTEGER -> answer instanceof Answer.IntegerValue;
            case DATE -> answer instanceof Answer.DateValue;
            case STRING -> answer instanceof Answer.TextValue;
        };
    }
}
