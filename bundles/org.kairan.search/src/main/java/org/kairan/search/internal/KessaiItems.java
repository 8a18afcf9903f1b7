package org.kairan.search.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiEvent;
import org.kairan.core.kessai.KessaiText;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.organisation.StaffMember;
import org.kairan.search.SearchKind;

/**
 * A 決裁 as the index sees it: 件名; 文書番号, 決裁区分, 本文, every comment and reason, file names, the text of
 * its attached PDFs; the
 * readings of everyone on its route; 課, 年度 (April to March), 文書分類, 状態 and 起案日.
 */
final class KessaiItems {

    private final Map<String, StaffMember> staff;
    private final Map<String, String> unitNames;

    /**
     * @param staff     the directory's people by 職員番号, for the readings of names
     * @param unitNames the directory's units' names by 組織コード: a 決裁 is counted under its 課 (the
     *                  drafter's 係 name stands in for a 課 the directory no longer has)
     */
    KessaiItems(Map<String, StaffMember> staff, Map<String, String> unitNames) {
        this.staff = staff;
        this.unitNames = unitNames;
    }

    IndexedItem of(Kessai k) {
        return of(k, List.of());
    }

    /**
     * The 決裁 with the text of its attached PDFs ({@code kessai-text} parts of the replica; those of attachments the
     * 案件 no longer lists are left out), in the order of its attachments and their pages: a word found only inside
     * an attachment finds the 決裁, and the stamp changes when the text arrives.
     */
    IndexedItem of(Kessai k, Collection<KessaiText> attachmentTexts) {
        List<String> texts = new ArrayList<>();
        addIfAny(texts, k.documentNumber());
        addIfAny(texts, k.decisionKind() + (k.amountYen() > 0 ? String.format(" %,d円", k.amountYen()) : ""));
        addIfAny(texts, k.body());
        for (KessaiEvent event : k.history()) {
            addIfAny(texts, event.comment());
        }
        k.attachments().forEach(a -> addIfAny(texts, a.name()));
        for (Attachment file : k.attachments()) {
            attachmentTexts.stream().filter(t -> t.attachmentId().equals(file.id()))
                    .sorted(Comparator.comparingInt(KessaiText::part))
                    .flatMap(t -> t.pages().stream())
                    .forEach(page -> addIfAny(texts, page.text()));
        }
        List<String> readings = readings(k);
        String unit = unitNames.getOrDefault(k.divisionCode(), k.route().drafter().unitName());
        return new IndexedItem(SearchKind.KESSAI, k.id(), 0, k.title(), texts, readings, unit,
                fiscalYear(k.draftDate()), k.classification(), k.status().label(), k.draftDate(),
                stamp(k, unit, texts, readings));
    }

    private List<String> readings(Kessai k) {
        Set<String> people = new LinkedHashSet<>();
        people.add(k.drafterNo());
        k.route().steps().forEach(s -> s.approvers().forEach(a -> people.add(a.staffNo())));
        k.route().readers().forEach(r -> people.add(r.staffNo()));
        k.history().stream().map(KessaiEvent::actor).map(PostHolder::staffNo).forEach(people::add);
        List<String> readings = new ArrayList<>();
        for (String no : people) {
            StaffMember member = staff.get(no);
            if (member == null || member.kana().isBlank()) {
                continue;
            }
            String[] parts = member.kana().strip().split("[\\s\u3000]+");
            readings.addAll(List.of(parts));
            readings.add(String.join("", parts));
        }
        return readings.stream().distinct().toList();
    }

    /** 年度: April to March, named by the year it starts in. */
    static int fiscalYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /** Changes whenever anything indexed changes (String and int hashes are the same in every JVM). */
    private static String stamp(Kessai k, String unit, List<String> texts, List<String> readings) {
        int hash = Objects.hash(k.title(), texts, readings, k.status().name(), k.classification(),
                k.draftDate().toString(), unit);
        return Integer.toHexString(hash) + ":" + k.history().size();
    }

    private static void addIfAny(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }
}
