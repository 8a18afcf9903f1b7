package org.kairan.client.internal;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The client's one Jackson {@link ObjectMapper}, configured like the server's (docs/API.md): ISO-8601
 * dates, enums by name, null fields omitted. Unknown fields are ignored so that an older desktop keeps
 * working with a newer server.
 */
final class JsonCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    byte[] write(Object value) throws IOException {
        return mapper.writeValueAsBytes(value);
    }

    <T> T read(byte[] json, Class<T> type) throws IOException {
        return mapper.readValue(json, type);
    }

    <T> T read(byte[] json, TypeReference<T> type) throws IOException {
        return mapper.readValue(json, type);
    }
}
