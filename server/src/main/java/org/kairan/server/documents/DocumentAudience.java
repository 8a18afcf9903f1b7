package org.kairan.server.documents;

import java.util.LinkedHashSet;
import java.util.Set;

import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.UnitKind;
import org.kairan.server.sync.Audience;

/**
 * Who may see a 課's library documents: {@code unit:<課>} — the members of the 課 and of the 係 below it
 * (a {@code unit:} token reaches a unit and everything below it, see {@link org.kairan.server.sync.SyncScope}) —
 * and {@code manages:<unit>} for each unit above the 課, so that its 部長, 副市長 and 市長 see it too, as they see
 * its 決裁. The members of another 課, even of the same 部, do not.
 */
final class DocumentAudience {

    private DocumentAudience() {
    }

    static String of(String unitCode, OrganisationDirectory directory) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(Audience.unit(unitCode));
        for (OrgUnit unit : directory.pathTo(unitCode)) {
            if (!unit.code().equals(unitCode) && unit.kind() != UnitKind.SECTION) {
                tokens.add(Audience.manages(unit.code()));
            }
        }
        return String.join(" ", tokens);
    }
}
