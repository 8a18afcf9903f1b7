package org.kairan.server.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.util.XMLHelper;

/**
 * The text of a Word document's body (its main part, found through the package's relationships), in document
 * order, streamed (the document is never held whole in memory): paragraphs as lines, a table's rows as lines with
 * their cells separated by tabs. Headers, footers, footnotes and comments are other parts and are not read, so
 * nothing is repeated on every page; deleted (tracked) text, field codes and the fallback copy of a text box are
 * left out.
 * <p>
 * Pages follow the document's own breaks — an explicit page break ({@code w:br w:type="page"}, a paragraph's
 * "page break before"), a section break that starts a new page, and where the page began when Word last laid it
 * out ({@code w:lastRenderedPageBreak}; the one Word writes after an explicit break is the same page) — so page 3
 * is what Word showed as page 3 when it was saved. A document without any (written by another program) is cut
 * into pages of at most {@link #CHUNK} characters at paragraph ends.
 */
final class WordText {

    /** The characters of a page of a document without page breaks, about one printed A4 page of Japanese. */
    static final int CHUNK = 2_000;

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private static final String MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private WordText() {
    }

    /**
     * @throws OfficePages.TooMuchText over {@code maxCharacters}
     * @throws IOException             the package has no main document, or a part cannot be read (a zip bomb)
     */
    static List<String> pages(OPCPackage pkg, int maxCharacters) throws IOException, XMLStreamException {
        List<PackagePart> main = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (main.isEmpty()) {
            main = pkg.getPartsByRelationshipType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        if (main.isEmpty()) {
            throw new IOException("the package has no main document");
        }
        PackagePart document = main.getFirst();
        List<Boolean> sectionStartsPage = sectionStarts(document);
        Pagination pages = new Pagination(maxCharacters);
        try (InputStream in = document.getInputStream()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                new Body(xml, sectionStartsPage, pages).read();
            } finally {
                xml.close();
            }
        }
        return pages.finish();
    }

    /**
     * Whether each section, in order, starts on a new page: its properties ({@code w:sectPr}, at the end of the
     * section) say so with {@code w:type} — nextPage (the default), oddPage, evenPage — or not: continuous,
     * nextColumn. A first reading of the part, since a section's break is said after the section it ends.
     */
    private static List<Boolean> sectionStarts(PackagePart document) throws IOException, XMLStreamException {
        List<Boolean> starts = new ArrayList<>();
        try (InputStream in = document.getInputStream()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                int inSection = 0;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT && isWord(xml)) {
                        if ("sectPr".equals(xml.getLocalName())) {
                            if (inSection++ == 0) {
                                starts.add(true);
                            }
                        } else if (inSection == 1 && "type".equals(xml.getLocalName())) {
                            String type = value(xml);
                            starts.set(starts.size() - 1, !"continuous".equals(type) && !"nextColumn".equals(type));
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && isWord(xml)
                            && "sectPr".equals(xml.getLocalName())) {
                        inSection--;
                    }
                }
            } finally {
                xml.close();
            }
        }
        return starts;
    }

    private static boolean isWord(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        return W.equals(ns) || W_STRICT.equals(ns);
    }

    /** The element's {@code w:val} (or {@code w:type} for a break), null when absent. */
    private static String value(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String name = xml.getAttributeLocalName(i);
            if ("val".equals(name)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String breakType(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if ("type".equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** Skips the element the reader is at, with everything in it. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** One reading of the body into {@link Pagination}. */
    private static final class Body {
        private final XMLStreamReader xml;
        private final List<Boolean> sectionStartsPage;
        private final Pagination pages;
        private int tableDepth;
        private final StringBuilder cell = new StringBuilder();
        private final List<String> row = new ArrayList<>();
        private boolean inParagraphProperties;
        private boolean sectionEndsHere;
        private int sectionsEnded;

        Body(XMLStreamReader xml, List<Boolean> sectionStartsPage, Pagination pages) {
            this.xml = xml;
            this.sectionStartsPage = sectionStartsPage;
            this.pages = pages;
        }

        void read() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start();
                } else if (event == XMLStreamConstants.END_ELEMENT && isWord(xml)) {
                    end(xml.getLocalName());
                }
            }
        }

        private void start() throws XMLStreamException {
            if (!isWord(xml)) {
                if (MARKUP_COMPATIBILITY.equals(xml.getNamespaceURI()) && "Fallback".equals(xml.getLocalName())) {
                    skip(xml); // the same text box again, for older programs
                }
                return;
            }
            String name = xml.getLocalName();
            if (name.endsWith("Change") || "del".equals(name) || "moveFrom".equals(name) || "tabs".equals(name)) {
                skip(xml); // earlier properties, deleted or moved-away text, tab stops
                return;
            }
            switch (name) {
                case "t" -> text(xml.getElementText());
                case "tab" -> text("\t");
                case "br" -> {
                    String type = breakType(xml);
                    if ("page".equals(type)) {
                        pages.explicitBreak();
                    } else if (!"column".equals(type)) {
                        lineEnd();
                    }
                }
                case "cr" -> lineEnd();
                case "lastRenderedPageBreak" -> pages.renderedBreak();
                case "pPr" -> inParagraphProperties = true;
                case "pageBreakBefore" -> {
                    String on = value(xml);
                    if (inParagraphProperties && (on == null || "1".equals(on) || "true".equals(on) || "on".equals(on))) {
                        pages.explicitBreak();
                    }
                }
                case "sectPr" -> {
                    sectionEndsHere = inParagraphProperties;
                    skip(xml);
                }
                case "tbl" -> tableDepth++;
                case "tr" -> {
                    if (tableDepth == 1) {
                        row.clear();
                    }
                }
                case "tc" -> {
                    if (tableDepth == 1) {
                        cell.setLength(0);
                    }
                }
                default -> {
                    // runs, their properties, bookmarks, drawings: nothing to read in the element itself
                }
            }
        }

        private void end(String name) {
            switch (name) {
                case "pPr" -> inParagraphProperties = false;
                case "p" -> {
                    lineEnd();
                    if (sectionEndsHere) {
                        sectionEndsHere = false;
                        sectionsEnded++;
                        if (sectionsEnded >= sectionStartsPage.size() || sectionStartsPage.get(sectionsEnded)) {
                            pages.sectionBreak();
                        }
                    }
                }
                case "tc" -> {
                    if (tableDepth == 1) {
                        row.add(cell.toString().strip());
                    } else {
                        cell.append(' ');
                    }
                }
                case "tr" -> {
                    if (tableDepth == 1) {
                        String line = String.join("\t", row).stripTrailing();
                        if (!line.isBlank()) {
                            pages.line(line);
                        }
                    } else {
                        cell.append(' ');
                    }
                }
                case "tbl" -> tableDepth--;
                default -> {
                }
            }
        }

        private void text(String text) {
            if (tableDepth > 0) {
                pages.charge(text.length());
                cell.append(text.equals("\t") ? " " : text);
            } else {
                pages.text(text);
            }
        }

        /** A paragraph's or a line break's end: in a table cell, a space. */
        private void lineEnd() {
            if (tableDepth > 0) {
                if (!cell.isEmpty() && cell.charAt(cell.length() - 1) != ' ') {
                    cell.append(' ');
                }
            } else {
                pages.lineEnd();
            }
        }
    }

    /**
     * Lines gathered into pages as the breaks say. A break is applied when the next text comes (trailing breaks
     * make no empty page; breaks before any text are ignored); Word's own mark of where a page began counts only
     * when no explicit break is waiting, since Word writes one after each explicit break too.
     */
    static final class Pagination {
        private final int maxCharacters;
        private final List<List<String>> pages = new ArrayList<>();
        private List<String> page = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private int pendingBreaks;
        private boolean anyBreak;
        private long characters;

        Pagination(int maxCharacters) {
            this.maxCharacters = maxCharacters;
        }

        void text(String text) {
            if (text.isEmpty()) {
                return;
            }
            applyBreaks();
            charge(text.length());
            line.append(text);
        }

        /** A whole line (a table's row). */
        void line(String text) {
            lineEnd();
            applyBreaks();
            page.add(text);
        }

        void lineEnd() {
            if (!line.isEmpty()) {
                page.add(line.toString());
                line.setLength(0);
                charge(1);
            }
        }

        void explicitBreak() {
            anyBreak = true;
            pendingBreaks++;
        }

        void sectionBreak() {
            explicitBreak();
        }

        void renderedBreak() {
            anyBreak = true;
            if (pendingBreaks == 0) {
                pendingBreaks = 1;
            }
        }

        /** Counts characters against the limit. */
        void charge(int count) {
            characters += count;
            if (characters > maxCharacters) {
                throw new OfficePages.TooMuchText(maxCharacters);
            }
        }

        private void applyBreaks() {
            if (pendingBreaks == 0) {
                return;
            }
            if (!pages.isEmpty() || !page.isEmpty() || !line.isEmpty()) {
                lineEnd();
                pages.add(page);
                for (int i = 1; i < pendingBreaks; i++) {
                    pages.add(List.of());
                }
                page = new ArrayList<>();
            }
            pendingBreaks = 0;
        }

        /** The pages' texts, lines separated by {@code \n}. */
        List<String> finish() {
            lineEnd();
            if (!page.isEmpty() || pages.isEmpty()) {
                pages.add(page);
            }
            List<List<String>> cut = anyBreak ? pages : chunks(pages.getFirst());
            return cut.stream().map(lines -> String.join("\n", lines)).toList();
        }

        /** Lines cut into pages of at most {@link #CHUNK} characters at line ends (a longer line is a page). */
        private static List<List<String>> chunks(List<String> lines) {
            List<List<String>> chunks = new ArrayList<>();
            List<String> chunk = new ArrayList<>();
            int length = 0;
            for (String line : lines) {
                if (!chunk.isEmpty() && length + line.length() + 1 > CHUNK) {
                    chunks.add(chunk);
                    chunk = new ArrayList<>();
                    length = 0;
                }
                chunk.add(line);
                length += line.length() + 1;
            }
            if (!chunk.isEmpty() || chunks.isEmpty()) {
                chunks.add(chunk);
            }
            return chunks;
        }
    }
}
