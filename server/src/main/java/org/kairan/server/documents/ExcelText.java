package org.kairan.server.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The text of an Excel workbook, one page per visible sheet in the order of its tabs: the sheet's name on the
 * first line, then each row that has a value, its cells' values as Excel shows them (number formats applied,
 * dates as the cell shows them in a Japanese Excel, a formula's value as last calculated) separated by tabs,
 * empty cells left out. Hidden sheets are skipped: a hit there could not be found by opening the file. Read with
 * POI's streaming reader, so a large sheet is never held whole in memory.
 */
final class ExcelText {


    /**
     * The number formats Excel builds in whose pattern depends on the language it runs in: a Japanese Excel shows
     * format 14 (a date) as 2026/5/1, not 5/1/26 (ECMA-376 Part 1, 18.8.30, ja-JP).
     */
    private static final Map<Integer, String> JAPANESE_FORMATS = Map.of(
            14, "yyyy/m/d",
            22, "yyyy/m/d h:mm",
            31, "yyyy\"年\"m\"月\"d\"日\"",
            32, "h\"時\"mm\"分\"",
            33, "h\"時\"mm\"分\"ss\"秒\"",
            55, "yyyy\"年\"m\"月\"",
            56, "m\"月\"d\"日\"");

    private ExcelText() {
    }

    private record Sheet(String name, String relationId, boolean hidden) {
    }

    /**
     * @throws OfficePages.TooMuchText over {@code maxCharacters}
     */
    static List<String> pages(OPCPackage pkg, int maxCharacters) throws IOException, OpenXML4JException,
            XMLStreamException, SAXException, ParserConfigurationException {
        XSSFReader reader = new XSSFReader(pkg);
        reader.setUseReadOnlySharedStringsTable(true);
        SharedStrings strings = reader.getSharedStringsTable();
        StylesTable styles = reader.getStylesTable();
        DataFormatter formatter = new JapaneseFormats();
        long[] characters = {0};
        List<String> pages = new ArrayList<>();
        for (Sheet sheet : sheets(reader)) {
            if (sheet.hidden()) {
                continue;
            }
            SheetLines lines = new SheetLines(sheet.name(), maxCharacters, characters);
            try (InputStream in = reader.getSheet(sheet.relationId())) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, lines, formatter, false));
                xml.parse(new InputSource(in));
            }
            pages.add(String.join("\n", lines.lines));
        }
        return pages;
    }

    /** The sheets in the order of their tabs (the workbook part's {@code sheets}). */
    private static List<Sheet> sheets(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        List<Sheet> sheets = new ArrayList<>();
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(xml.getLocalName())) {
                        String name = null;
                        String id = null;
                        String state = null;
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            switch (xml.getAttributeLocalName(i)) {
                                case "name" -> name = xml.getAttributeValue(i);
                                case "id" -> id = xml.getAttributeValue(i);
                                case "state" -> state = xml.getAttributeValue(i);
                                default -> {
                                }
                            }
                        }
                        if (id != null) {
                            sheets.add(new Sheet(name == null ? "" : name, id,
                                    "hidden".equals(state) || "veryHidden".equals(state)));
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }
        return sheets;
    }

    /** A sheet's lines as its rows are read. */
    private static final class SheetLines implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<String> lines = new ArrayList<>();
        private final List<String> row = new ArrayList<>();
        private final int maxCharacters;
        private final long[] characters;

        SheetLines(String name, int maxCharacters, long[] characters) {
            this.maxCharacters = maxCharacters;
            this.characters = characters;
            add(name);
        }

        @Override
        public void startRow(int rowNum) {
            row.clear();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            if (formattedValue == null) {
                return;
            }
            // an error is shown as Excel shows it (#DIV/0!), not with the reader's prefix
            String shown = formattedValue.startsWith("ERROR:") ? formattedValue.substring(6) : formattedValue;
            String flat = shown.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ').strip();
            if (!flat.isEmpty()) {
                row.add(flat);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (!row.isEmpty()) {
                add(String.join("\t", row));
            }
        }

        private void add(String line) {
            characters[0] += line.length() + 1;
            if (characters[0] > maxCharacters) {
                throw new OfficePages.TooMuchText(maxCharacters);
            }
            lines.add(line);
        }
    }

    /** POI's formatting with the built-in formats of a Japanese Excel. */
    private static final class JapaneseFormats extends DataFormatter {
        JapaneseFormats() {
            super(Locale.JAPAN);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            String japanese = JAPANESE_FORMATS.get(formatIndex);
            return super.formatRawCellContents(value, formatIndex, japanese != null ? japanese : formatString, use1904);
        }
    }
}
