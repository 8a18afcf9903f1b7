package org.kairan.server.sync;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a command's payload into its record, strictly, naming the field that does not fit. */
public final class CommandPayload {

    private final ObjectMapper mapper;

    public CommandPayload(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws InvalidPayloadException when the payload does not fit the record */
    public <T> T read(String payload, Class<T> type) {
        try {
            return mapper.readValue(payload, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "payload" : e.getPath().getLast().getFieldName();
            throw new InvalidPayloadException(field, "payload field '" + field + "' does not fit "
                    + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidPayloadException("payload", "the payload is not JSON: " + e.getMessage());
        }
    }

    /** The text, present and not blank, or an {@link InvalidPayloadException} naming the field. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidPayloadException(field, field + " is required");
        }
        return value.strip();
    }

    /** The text as a UUID in canonical form, or an {@link InvalidPayloadException} naming the field. */
    public static String uuid(String value, String field) {
        String text = required(value, field);
        try {
            return java.util.UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException(field, field + " must be a UUID, was \"" + text + "\"");
        }
    }
}
