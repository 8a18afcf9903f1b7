package org.kairan.client.internal;

import java.io.IOException;

import org.kairan.core.sync.SyncChange;
import org.kairan.core.sync.SyncCommand;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The client's one Jackson {@link ObjectMapper}, configured like the server's (docs/API.md): ISO-8601
 * dates, enums by name, null fields omitted. Unknown fields are ignored so that an older desktop keeps
 * working with a newer server.
 * <p>
 * The sync records carry a record as JSON text in Java ({@link SyncChange#data()},
 * {@link SyncCommand#payload()}) and as a JSON object on the wire: mix-ins write the text as a raw value
 * and read the object back as its text.
 */
public final class JsonCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(SyncChange.class, SyncChangeJson.class)
            .addMixIn(SyncCommand.class, SyncCommandJson.class);

    /** {@code data}: raw JSON object on the wire, text in Java. */
    abstract static class SyncChangeJson {
        @JsonRawValue
        @JsonDeserialize(using = JsonText.class)
        abstract String data();
    }

    /** {@code payload}: raw JSON object on the wire, text in Java. */
    abstract static class SyncCommandJson {
        @JsonRawValue
        @JsonDeserialize(using = JsonText.class)
        abstract String payload();
    }

    /** Reads any JSON value as its compact text (a JSON string stays the string). */
    static final class JsonText extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            return node.isTextual() ? node.textValue() : node.toString();
        }
    }

    /** The mapper, shared by the client's parts (replica reads decode records with it). */
    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] write(Object value) throws IOException {
        return mapper.writeValueAsBytes(value);
    }

    /** A record as compact JSON text (a command payload, a replica row). */
    public String writeText(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** A record from its JSON text. */
    public <T> T readText(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " from the replica: "
                    + e.getMessage(), e);
        }
    }

    <T> T read(byte[] json, Class<T> type) throws IOException {
        return mapper.readValue(json, type);
    }

    <T> T read(byte[] json, TypeReference<T> type) throws IOException {
        return mapper.readValue(json, type);
    }
}
