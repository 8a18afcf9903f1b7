package org.kairan.server.circular;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.kairan.core.circular.Circular;
import org.kairan.core.circular.PostCircular;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.sync.CommandContext;
import org.kairan.server.sync.CommandHandler;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.CommandVerdict;
import org.kairan.server.sync.InvalidPayloadException;

/** {@code circular.post}: a new 回覧 to a unit, with the id the author's client chose. */
public final class PostCircularCommand implements CommandHandler {

    private final CircularStore store;
    private final CommandPayload payloads;

    public PostCircularCommand(CircularStore store, CommandPayload payloads) {
        this.store = store;
        this.payloads = payloads;
    }

    @Override
    public String type() {
        return CommandTypes.POST_CIRCULAR;
    }

    @Override
    public CommandVerdict apply(Connection c, CommandContext context, String payload) throws SQLException {
        PostCircular post = payloads.read(payload, PostCircular.class);
        String id = CircularIds.valid(post.circularId());
        String unitCode = CommandPayload.required(post.unitCode(), "unitCode");
        String title = post.title() == null ? "" : post.title().strip();
        if (title.isEmpty() || title.length() > PostCircular.MAX_TITLE) {
            throw new InvalidPayloadException("title", "件名は1〜" + PostCircular.MAX_TITLE + "文字です (title must have 1–"
                    + PostCircular.MAX_TITLE + " characters)");
        }
        String body = post.body() == null ? "" : post.body();
        if (body.length() > PostCircular.MAX_BODY) {
            throw new InvalidPayloadException("body", "本文は" + PostCircular.MAX_BODY + "文字までです (body too long)");
        }
        if (context.directory().unit(unitCode).isEmpty()) {
            return CommandVerdict.conflict(CommandCodes.UNIT_GONE, "宛先の組織 " + unitCode + " はありません");
        }
        if (store.exists(c, id)) {
            return CommandVerdict.conflict(CommandCodes.ALREADY_EXISTS, "回覧 " + id + " はすでにあります");
        }
        Circular circular = new Circular(id, unitCode, title, body, context.user().staffNo(), context.user().name(),
                context.user().unitName(), context.now(), null, List.of());
        long seq = store.post(c, circular);
        return CommandVerdict.applied(seq, "回覧の起票", "回覧 " + id + "「" + title + "」を "
                + context.directory().unitDisplayName(unitCode) + " へ起票");
    }

    /** The id rules shared by the 回覧 commands. */
    static final class CircularIds {

        private CircularIds() {
        }

        static String valid(String id) {
            return CommandPayload.uuid(id, "circularId");
        }
    }
}
