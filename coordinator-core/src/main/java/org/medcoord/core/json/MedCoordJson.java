package org.medcoord.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DateTimeException;
import java.util.List;
import java.util.stream.Collectors;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.Violation;

/**
 * Ready-made JSON for MedCoord's API records.
 *
 * <pre>{@code
 * String json = MedCoordJson.write(command);
 * BookCommand back = MedCoordJson.read(json, BookCommand.class);
 * }</pre>
 *
 * <p>Instants are written as ISO-8601 strings, durations as ISO-8601 durations, zones by id,
 * ids as plain strings. Reading refuses unknown properties. A value that breaks a record's rules
 * (a blank id, an end before its start, an unknown time zone) becomes an
 * {@link InvalidRequestException} naming the JSON path, never echoing the value.
 *
 * @since 0.1
 */
public final class MedCoordJson {
    private static final ObjectMapper MAPPER = newMapper();

    private MedCoordJson() {
    }

    /**
     * A new mapper configured for MedCoord: its module, java.time and {@code Optional}.
     *
     * @return the mapper; callers may configure it further
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new MedCoordJacksonModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /**
     * Writes a value as JSON.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a value from JSON.
     *
     * @param json the JSON text
     * @param type the type to read
     * @param <T> the type
     * @return the value
     * @throws InvalidRequestException when the JSON is malformed or a value breaks its type's rules
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonMappingException e) {
            throw translate(e);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of("$", "is not well-formed JSON");
        }
    }

    private static InvalidRequestException translate(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidRequestException invalid) {
                List<Violation> prefixed = invalid.violations().stream()
                        .map(v -> new Violation(path.isEmpty() ? v.path() : path + "." + v.path(), v.message()))
                        .toList();
                return new InvalidRequestException(prefixed);
            }
            if (t instanceof DateTimeException) {
                return InvalidRequestException.of(path.isEmpty() ? "$" : path, "is not a valid date, time or time zone");
            }
        }
        return InvalidRequestException.of(path.isEmpty() ? "$" : path, "has the wrong type or is not allowed here");
    }
}
