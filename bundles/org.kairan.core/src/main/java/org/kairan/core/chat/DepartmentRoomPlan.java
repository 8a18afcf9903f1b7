package org.kairan.core.chat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.kairan.core.kessai.Divisions;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.organisation.UnitKind;

/**
 * The chat room of each 課 as the directory asks for it on a day: {@code <組織コード>@<conference service>}, named
 * after the 課 (with its 部 when two 課 share a name), whose members are the staff posted to the 課 or one of its 係,
 * 本務 and 兼務. The server keeps the chat server's rooms to this plan; the desktop reads from the same plan which
 * rooms are the user's, so the two never disagree on an address.
 */
public final class DepartmentRoomPlan {

    /**
     * One 課's room.
     *
     * @param jid      the room's address
     * @param name     its name as people read it
     * @param unitCode the 課's 組織コード
     * @param members  職員番号 → 氏名 of its members
     */
    public record Room(String jid, String name, String unitCode, Map<String, String> members) {
        public Room {
            members = Map.copyOf(members);
        }
    }

    private DepartmentRoomPlan() {
    }

    /** Every 課's room on the day, in 組織コード order. */
    public static List<Room> plan(OrganisationDirectory directory, LocalDate today, String conferenceDomain) {
        List<OrgUnit> divisions = directory.allUnits().stream().filter(u -> u.kind() == UnitKind.DIVISION).toList();
        Map<String, Integer> sameName = new HashMap<>();
        divisions.forEach(d -> sameName.merge(d.name().strip(), 1, Integer::sum));
        Map<String, Map<String, String>> members = new LinkedHashMap<>();
        divisions.forEach(d -> members.put(d.code(), new TreeMap<>()));
        for (StaffMember person : directory.allStaff()) {
            for (Assignment post : directory.postsOf(person.staffNo(), today)) {
                Divisions.divisionOf(directory, post.unitCode())
                        .ifPresent(d -> members.get(d.code()).put(person.staffNo(), person.name()));
            }
        }
        List<Room> rooms = new ArrayList<>();
        for (OrgUnit division : divisions) {
            String name = sameName.get(division.name().strip()) > 1 ? directory.unitDisplayName(division.code())
                    : division.name().strip();
            rooms.add(new Room(roomJid(division.code(), conferenceDomain), name, division.code(),
                    members.get(division.code())));
        }
        return rooms;
    }

    /** The rooms the person is a member of on the day. */
    public static List<Room> roomsOf(OrganisationDirectory directory, LocalDate today, String conferenceDomain,
            String staffNo) {
        return plan(directory, today, conferenceDomain).stream().filter(r -> r.members().containsKey(staffNo))
                .toList();
    }

    /** The address of a 課's room. */
    public static String roomJid(String divisionCode, String conferenceDomain) {
        return divisionCode.toLowerCase(Locale.ROOT) + "@" + conferenceDomain;
    }
}
