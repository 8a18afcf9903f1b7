package org.kairan.search.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kairan.core.documents.TextPage;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiEvent;
import org.kairan.core.kessai.KessaiText;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.organisation.StaffMember;
import org.kairan.search.SearchKind;

/**
 * A 決裁 as the index sees it: one item of its 件名, 文書番号, 決裁区分, 本文, every comment and reason and file names;
 * and one item for each page of text of each attached PDF (with the 件名 too, so words of both find the page), so a
 * hit inside an attachment opens it at its page. Every item of a 決裁 carries its 課, 年度 (April to March), 文書分類,
 * 状態 and 起案日, so facets and filters count and narrow them alike; the readings of everyone on its route only the
 * 決裁's own item (a name typed in かな finds the 決裁, not each page of its attachments).
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

    /** The 決裁's own item (page 0): everything but the text of its attachments. */
    IndexedItem of(Kessai k) {
        List<String> texts = new ArrayList<>();
        addIfAny(texts, k.documentNumber());
        addIfAny(texts, k.decisionKind() + (k.amountYen() > 0 ? String.format(" %,d円", k.amountYen()) : ""));
        addIfAny(texts, k.body());
        for (KessaiEvent event : k.history()) {
            addIfAny(texts, event.comment());
        }
        k.attachments().forEach(a -> addIfAny(texts, a.name()));
        List<String> readings = readings(k);
        String unit = unit(k);
        return new IndexedItem(SearchKind.KESSAI, k.id(), 0, k.title(), texts, readings, unit,
                fiscalYear(k.draftDate()), k.classification(), k.status().label(), k.draftDate(),
                stamp(k, unit, texts, readings));
    }

    /**
     * The 決裁's own item, then one item per page with text of each attachment it lists, in the order of its
     * attachments and their pages ({@code kessai-text} parts of the replica, any order; those of attachments the
     * 案件 no longer lists are left out). A page's item changes with its text and with the 決裁's 件名, 課, 状態 …;
     * a page or attachment that is gone has no item, so the index drops it.
     */
    List<IndexedItem> of(Kessai k, Collection<KessaiText> attachmentTexts) {
        IndexedItem own = of(k);
        List<IndexedItem> items = new ArrayList<>();
        items.add(own);
        for (Attachment file : k.attachments()) {
            Set<Integer> pages = new HashSet<>();
            attachmentTexts.stream().filter(t -> t.attachmentId().equals(file.id()))
                    .sorted(Comparator.comparingInt(KessaiText::part))
                    .flatMap(t -> t.pages().stream())
                    .filter(page -> page.page() > 0 && page.text() != null && !page.text().isBlank())
                    .filter(page -> pages.add(page.page())) // one item per key, should a page come twice
                    .forEach(page -> items.add(page(own, file, page)));
        }
        return items;
    }

    private static IndexedItem page(IndexedItem kessai, Attachment file, TextPage page) {
        String stamp = Integer.toHexString(Objects.hash(page.text(), file.name())) + ":" + kessai.stamp();
        return new IndexedItem(SearchKind.KESSAI, kessai.id(), page.page(), file.id(), "", kessai.title(),
                List.of(page.text()), List.of(), kessai.unit(), kessai.fiscalYear(),
                kessai.classification(), kessai.state(), kessai.day(), stamp);
    }

    private String unit(Kessai k) {
        return unitNames.getOrDefault(k.divisionCode(), k.route().drafter().unitName());
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
