package org.medcoord.core.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.util.function.Function;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Role;
import org.medcoord.api.access.UserId;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.HoldId;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.appointment.SeriesId;
import org.medcoord.api.appointment.WaitlistEntryId;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.Answer;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * Jackson module for MedCoord's API types: ids and roles are written as plain strings
 * ({@code "patient": "p-1"}), everything else as its record components. Register it together
 * with Jackson's {@code JavaTimeModule} and {@code Jdk8Module}, or use
 * {@link MedCoordJson#newMapper()} which does all three.
 *
 * @since 0.1
 */
public final class MedCoordJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public MedCoordJacksonModule() {
        super("medcoord");
        id(PatientId.class, PatientId::new, PatientId::value);
        id(UserId.class, UserId::new, UserId::value);
        id(FacilityId.class, FacilityId::new, FacilityId::value);
        id(Role.class, Role::new, Role::name);
        id(ResourceId.class, ResourceId::new, ResourceId::value);
        id(ServiceTypeId.class, ServiceTypeId::new, ServiceTypeId::value);
        id(AppointmentId.class, AppointmentId::new, AppointmentId::value);
        id(HoldId.class, HoldId::new, HoldId::value);
        id(SeriesId.class, SeriesId::new, SeriesId::value);
        id(WaitlistEntryId.class, WaitlistEntryId::new, WaitlistEntryId::value);
        id(IdempotencyKey.class, IdempotencyKey::new, IdempotencyKey::value);
        id(DocumentId.class, DocumentId::new, DocumentId::value);
        id(DocumentTypeId.class, DocumentTypeId::new, DocumentTypeId::value);
        setMixInAnnotation(Answer.class, AnswerTypes.class);
    }

    /** Questionnaire answers carry their FHIR value type: {@code {"type":"boolean","value":true}}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Answer.BooleanValue.class, name = "boolean"),
        @JsonSubTypes.Type(value = Answer.CodeValue.class, name = "coding"),
        @JsonSubTypes.Type(value = Answer.IntegerValue.class, name = "integer"),
        @JsonSubTypes.Type(value = Answer.DateValue.class, name = "date"),
        @JsonSubTypes.Type(value = Answer.TextValue.class, name = "string")
    })
    private interface AnswerTypes {
    }

    private <T> void id(Class<T> type, Function<String, T> parse, Function<T, String> text) {
        addSerializer(type, new IdSerializer<>(type, text));
        addDeserializer(type, new IdDeserializer<>(type, parse));
    }

    private static final class IdSerializer<T> extends StdScalarSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<T, String> text;

        IdSerializer(Class<T> type, Function<T, String> text) {
            super(type);
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(text.apply(value));
        }
    }

    private static final class IdDeserializer<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parse;

        IdDeserializer(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctx.reportInputMismatch(this, "expected a string id");
            }
            return parse.apply(p.getText());
        }
    }
}
