package org.kairan.approval.ui.internal.kessai;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;

import org.kairan.approval.ui.nls.Messages;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.KessaiEvent;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.StepKind;
import org.kairan.ui.DateDisplay;

/**
 * The 決裁 screens' words for the domain: folders, step kinds, results (the server's own Japanese words
 * in Japanese, the action's name in English), amounts, dates (和暦 in Japanese) and people.
 */
final class KessaiTexts {

    private final Messages messages;
    private final DateDisplay dates;
    private final Supplier<ZoneId> zone;
    private final boolean japanese;

    /** @param zone the office's time zone, asked each time (it is known only after a login) */
    KessaiTexts(Messages messages, Locale locale, Supplier<ZoneId> zone) {
        this.messages = messages;
        this.zone = zone;
        this.dates = new DateDisplay(locale);
        this.japanese = locale.getLanguage().equals("ja") || locale.getLanguage().isEmpty();
    }

    Messages messages() {
        return messages;
    }

    String folder(InboxFolder folder) {
        return switch (folder) {
            case AWAITING -> messages.kessai_folder_AWAITING;
            case POST_REVIEW -> messages.kessai_folder_POST_REVIEW;
            case RETURNED -> messages.kessai_folder_RETURNED;
            case DRAFTS -> messages.kessai_folder_DRAFTS;
            case IN_ROUTE -> messages.kessai_folder_IN_ROUTE;
            case TO_READ -> messages.kessai_folder_TO_READ;
            case CLOSED -> messages.kessai_folder_CLOSED;
            case SENDING -> messages.kessai_folder_SENDING;
        };
    }

    String step(StepKind kind) {
        return switch (kind) {
            case REVIEW -> messages.kessai_step_REVIEW;
            case CONSULTATION -> messages.kessai_step_CONSULTATION;
            case DELEGATED_DECISION -> messages.kessai_step_DELEGATED_DECISION;
            case DECISION -> messages.kessai_step_DECISION;
        };
    }

    /** What an event did: the server's words (承認, 専決, 代決（専決）…) in Japanese, the action in English. */
    String outcome(KessaiEvent event) {
        if (japanese) {
            return event.outcome();
        }
        String action = action(event.action());
        return event.isActing() ? MessageFormat.format(messages.kessai_actingSuffix, action) : action;
    }

    String action(ActionKind kind) {
        return switch (kind) {
            case SUBMIT -> messages.kessai_action_SUBMIT;
            case APPROVE -> messages.kessai_action_APPROVE;
            case SEND_BACK -> messages.kessai_action_SEND_BACK;
            case PULL_BACK -> messages.kessai_action_PULL_BACK;
            case WITHDRAW -> messages.kessai_action_WITHDRAW;
            case REJECT -> messages.kessai_action_REJECT;
            case COMMENT -> messages.kessai_action_COMMENT;
            case POST_REVIEW -> messages.kessai_action_POST_REVIEW;
            case READ -> messages.kessai_action_READ;
            case ATTACH -> messages.kessai_action_ATTACH;
        };
    }

    String amount(long yen) {
        return yen == 0 ? messages.kessai_noAmount
                : MessageFormat.format(messages.kessai_amount, NumberFormat.getIntegerInstance(Locale.JAPAN).format(yen));
    }

    String date(LocalDate day) {
        return day == null ? "" : dates.date(day);
    }

    String moment(Instant at) {
        ZoneId office = zone.get();
        return at == null ? "" : dates.moment(at, office, LocalDate.now(office));
    }

    /** Today in the office's zone. */
    LocalDate today() {
        return LocalDate.now(zone.get());
    }

    /** e.g. 財政係長 田中　直樹 → 「係長 田中　直樹」. */
    static String who(PostHolder person) {
        return person == null ? "" : person.position() + " " + person.name();
    }
}
