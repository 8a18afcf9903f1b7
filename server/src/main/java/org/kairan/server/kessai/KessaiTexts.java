package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.kairan.core.documents.TextPage;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiText;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.documents.AttachmentTexts;
import org.kairan.server.sync.FeedEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The text of a 案件's attached PDFs in the feed ({@code kessai-text}), always to the 案件's own audience: the
 * PDFs are queued for reading when a 案件 names them, and their text is published when it has been read, when
 * an attachment whose file was read already joins the 案件, and again whenever the 案件's audience changes (with
 * removals for those who dropped out of it); the text of a file a draft edit dropped is removed. A file's text
 * never changes (files are kept by content), so what was published once stays right.
 */
final class KessaiTexts {

    private final AttachmentTexts texts;
    private final ObjectMapper mapper;

    KessaiTexts(AttachmentTexts texts, ObjectMapper mapper) {
        this.texts = texts;
        this.mapper = mapper;
    }

    /** Queues the 案件's PDFs for reading (each file once, whichever 案件 named it first). */
    void queue(Connection c, Kessai kessai) throws SQLException {
        for (Attachment file : kessai.attachments()) {
            if (file.isPdf()) {
                texts.queue(c, file.sha256(), file.mediaType());
            }
        }
    }

    /**
     * The feed entries of the text of the attachments {@code which} picks whose files have been read: removals
     * for the {@code lost} audience tokens (none when empty), then the text for {@code audience}.
     */
    List<FeedEntry> entries(Connection c, Kessai kessai, String audience, String lost, Predicate<Attachment> which)
            throws SQLException {
        List<FeedEntry> entries = new ArrayList<>();
        for (Attachment file : kessai.attachments()) {
            if (!file.isPdf() || !which.test(file)) {
                continue;
            }
            List<List<TextPage>> parts = texts.parts(c, file.sha256());
            for (int part = 1; part <= parts.size(); part++) {
                String id = KessaiText.feedId(kessai.id(), file.id(), part);
                if (!lost.isEmpty()) {
                    entries.add(FeedEntry.removal(EntityTypes.KESSAI_TEXT, id, lost));
                }
                entries.add(FeedEntry.upsert(EntityTypes.KESSAI_TEXT, id, audience,
                        write(new KessaiText(kessai.id(), file.id(), part, parts.size(), parts.get(part - 1)))));
            }
        }
        return entries;
    }

    /** Removals of the text of attachments a draft edit dropped, for the audience that had it. */
    List<FeedEntry> dropped(Connection c, Kessai before, Kessai after, String audience) throws SQLException {
        Set<String> kept = after.attachments().stream().map(Attachment::id).collect(Collectors.toSet());
        List<FeedEntry> entries = new ArrayList<>();
        for (Attachment file : before.attachments()) {
            if (file.isPdf() && !kept.contains(file.id())) {
                int parts = texts.parts(c, file.sha256()).size();
                for (int part = 1; part <= parts; part++) {
                    entries.add(FeedEntry.removal(EntityTypes.KESSAI_TEXT, KessaiText.feedId(before.id(), file.id(), part),
                            audience));
                }
            }
        }
        return entries;
    }

    private String write(KessaiText text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the text of a 決裁 attachment could not be written as JSON", e);
        }
    }
}
