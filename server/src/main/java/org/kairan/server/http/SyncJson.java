package org.kairan.server.http;

import java.io.IOException;

import org.kairan.core.sync.SyncChange;
import org.kairan.core.sync.SyncCommand;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The wire form of the sync records whose JSON text fields travel as JSON objects: a
 * {@link SyncChange}'s {@code data} and a {@link SyncCommand}'s {@code payload} are written as objects
 * (raw, not as strings), and read back from objects into their text.
 */
final class SyncJson {

    private SyncJson() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("kairan-sync");
        module.addSerializer(SyncChange.class, new JsonSerializer<>() {
            @Override
            public void serialize(SyncChange change, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeStartObject();
                out.writeNumberField("seq", change.seq());
                out.writeStringField("type", change.type());
                out.writeStringField("id", change.id());
                out.writeBooleanField("deleted", change.deleted());
                if (change.data() != null) {
                    out.writeFieldName("data");
                    out.writeRawValue(change.data());
                }
                out.writeEndObject();
            }
        });
        module.addDeserializer(SyncChange.class, new JsonDeserializer<>() {
            @Override
            public SyncChange deserialize(JsonParser in, DeserializationContext context) throws IOException {
                JsonNode node = context.readTree(in);
                JsonNode data = node.get("data");
                return new SyncChange(node.path("seq").asLong(), node.path("type").asText(), node.path("id").asText(),
                        node.path("deleted").asBoolean(), data == null || data.isNull() ? null : data.toString());
            }
        });
        module.addSerializer(SyncCommand.class, new JsonSerializer<>() {
            @Override
            public void serialize(SyncCommand command, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                out.writeStartObject();
                out.writeStringField("key", command.key());
                out.writeStringField("type", command.type());
                out.writeFieldName("payload");
                out.writeRawValue(command.payload());
                if (command.queuedAt() != null) {
                    out.writeStringField("queuedAt", command.queuedAt().toString());
                }
                out.writeEndObject();
            }
        });
        return module;
    }
}
