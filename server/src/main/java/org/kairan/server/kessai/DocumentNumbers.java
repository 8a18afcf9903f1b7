package org.kairan.server.kessai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.kairan.core.kessai.DocumentNumber;
import org.kairan.core.kessai.DocumentNumberFormat;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;

/**
 * 文書番号 per 課 and 年度, on the caller's transaction: the counter row stays locked until it commits, so
 * two 案件 never get the same number, and a transaction that rolls back gives its number back — none is
 * skipped. A number once committed stays with its 案件 whatever becomes of it (取下げ, 却下).
 */
final class DocumentNumbers {

    private final DocumentNumberFormat format;

    DocumentNumbers(DocumentNumberFormat format) {
        this.format = format;
    }

    /**
     * The next number of the 課 in the 年度 of {@code day}, e.g. 伊財第12号.
     *
     * @throws IllegalArgumentException when the 課 has no 略称 to number with
     */
    String next(Connection c, OrganisationDirectory directory, String divisionCode, LocalDate day) throws SQLException {
        OrgUnit division = directory.unit(divisionCode).orElseThrow(() -> new IllegalArgumentException(
                "課 " + divisionCode + " がありません (no such 課)"));
        int fiscalYear = DocumentNumber.fiscalYearOf(day);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO document_number_counter (division_code, fiscal_year,"
                + " last_serial) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")) {
            ps.setString(1, divisionCode);
            ps.setInt(2, fiscalYear);
            ps.executeUpdate();
        }
        int serial;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_serial FROM document_number_counter"
                + " WHERE division_code = ? AND fiscal_year = ? FOR UPDATE")) {
            ps.setString(1, divisionCode);
            ps.setInt(2, fiscalYear);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                serial = rs.getInt(1) + 1;
            }
        }
        String number = format.format(new DocumentNumber(divisionCode, division.abbreviation(), fiscalYear, serial));
        try (PreparedStatement ps = c.prepareStatement("UPDATE document_number_counter SET last_serial = ?"
                + " WHERE division_code = ? AND fiscal_year = ?")) {
            ps.setInt(1, serial);
            ps.setString(2, divisionCode);
            ps.setInt(3, fiscalYear);
            ps.executeUpdate();
        }
        return number;
    }
}
