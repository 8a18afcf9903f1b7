package org.kairan.server.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each named column of a roster file is, from its header row. Columns may come in any order;
 * columns the importer does not know (e.g. 備考) are ignored.
 */
final class RosterColumns {

    private final Map<String, Integer> index;
    private final int count;

    private RosterColumns(Map<String, Integer> index, int count) {
        this.index = index;
        this.count = count;
    }

    /**
     * @return the columns, or a Japanese reason why the header row is not acceptable
     */
    static Result of(CsvRecord header, List<String> required, List<String> optional) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip();
            if (!required.contains(name) && !optional.contains(name)) {
                continue;
            }
            if (index.putIfAbsent(name, i) != null) {
                return new Result(null, "見出し行に「" + name + "」が2回あります");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!index.containsKey(name)) {
                missing.add("「" + name + "」");
            }
        }
        if (!missing.isEmpty()) {
            return new Result(null, "見出し行に" + String.join("", missing) + "がありません（必要な列: "
                    + String.join(",", required) + "）");
        }
        return new Result(new RosterColumns(index, header.fields().size()), null);
    }

    record Result(RosterColumns columns, String error) {
    }

    int count() {
        return count;
    }

    /** The stripped value of the named column, or "" when the file has no such column. */
    String get(CsvRecord record, String name) {
        Integer i = index.get(name);
        return i == null ? "" : record.fields().get(i).strip();
    }
}
