package org.kairan.server.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.kairan.core.chat.DepartmentRoomPlan;
import org.kairan.core.organisation.OrganisationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat room per 課, {@code <unitCode>@conference.<domain>}, named after the 課, persistent, members-only and
 * archived, whose members are the staff posted to the 課 (its 係 included, 本務 and 兼務) on the office's today; and
 * (managed Prosody only) one shared roster group per 課 in mod_groups' file, reloaded after it changed. Each
 * {@link #apply} compares the directory's plan with the last one applied and changes only what differs; the first one
 * after a start reads each room's members from the chat server.
 */
public final class DepartmentRooms {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentRooms.class);

    /** A 課's room: its JID, its name (the 課's, or with the 部局/部 when two 課 share a name) and members' JIDs. */
    record Room(String jid, String name, Map<String, String> members) {
    }

    private final XmppAdministrator admin;
    private final String conferenceDomain;
    private final Function<String, String> jidOf;
    /** mod_groups' file, or {@code null} for an external chat server (its groups are its administrator's). */
    private final Path groupsFile;
    /** The rooms as last applied, by JID. */
    private Map<String, Room> applied = Map.of();

    DepartmentRooms(XmppAdministrator admin, String domain, Function<String, String> jidOf, Path groupsFile) {
        this.admin = admin;
        this.conferenceDomain = "conference." + domain;
        this.jidOf = jidOf;
        this.groupsFile = groupsFile;
    }

    /** The rooms the directory asks for on the day, in 組織コード order, members by XMPP address. */
    static List<Room> plan(OrganisationDirectory directory, LocalDate today, String conferenceDomain,
            Function<String, String> jidOf) {
        List<Room> rooms = new ArrayList<>();
        for (DepartmentRoomPlan.Room planned : DepartmentRoomPlan.plan(directory, today, conferenceDomain)) {
            Map<String, String> members = new TreeMap<>();
            planned.members().forEach((staffNo, name) -> members.put(jidOf.apply(staffNo), name));
            rooms.add(new Room(planned.jid(), planned.name(), Map.copyOf(members)));
        }
        return rooms;
    }

    /** The nickname a member must use in the rooms: the local part of their address, their 職員番号. */
    static String nicknameOf(String jid) {
        return jid.substring(0, jid.indexOf('@'));
    }

    /**
     * mod_groups' file: a {@code [name]} section per 課 with {@code jid=氏名} lines. Line breaks and control
     * characters become spaces; brackets in a group's name and a leading {@code +} (everyone's group) are dropped.
     */
    static String groupsText(List<Room> rooms) {
        StringBuilder text = new StringBuilder("; Written by the Kairan server: one group per 課. Edits are lost.\n");
        for (Room room : rooms) {
            if (room.members().isEmpty()) {
                continue;
            }
            String group = clean(room.name()).replace("[", "").replace("]", "").replaceFirst("^[+\\s]+", "").strip();
            text.append('[').append(group.isEmpty() ? room.jid() : group).append("]\n");
            new TreeMap<>(room.members()).forEach((jid, name) -> text.append(jid).append('=')
                    .append(clean(name).strip()).append('\n'));
        }
        return text.toString();
    }

    private static String clean(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    }

    /** Brings the chat server in step with the directory on the day; returns how many changes were made. */
    synchronized int apply(OrganisationDirectory directory, LocalDate today) throws ChatServerException {
        List<Room> rooms = plan(directory, today, conferenceDomain, jidOf);
        int changes = 0;
        Map<String, Room> now = new LinkedHashMap<>();
        for (Room room : rooms) {
            now.put(room.jid(), room);
            Room before = applied.get(room.jid());
            if (room.equals(before)) {
                continue;
            }
            if (before == null || !before.name().equals(room.name())) {
                admin.ensureRoom(room.jid(), room.name());
            }
            // member → reserved nickname; those granted before nicknames were reserved are granted again
            Map<String, String> current = new TreeMap<>();
            if (before == null) {
                current.putAll(admin.members(room.jid()));
            } else {
                before.members().keySet().forEach(jid -> current.put(jid, nicknameOf(jid)));
            }
            for (String jid : new TreeSet<>(room.members().keySet())) {
                if (!nicknameOf(jid).equals(current.get(jid))) {
                    admin.grantMembership(room.jid(), jid, nicknameOf(jid));
                    changes++;
                }
            }
            for (String jid : new TreeSet<>(current.keySet())) {
                if (!room.members().containsKey(jid)) {
                    admin.revokeMembership(room.jid(), jid);
                    changes++;
                }
            }
            // recorded room by room: a failure later on leaves these as done
            Map<String, Room> done = new HashMap<>(applied);
            done.put(room.jid(), room);
            applied = done;
        }
        if (groupsFile != null && writeGroups(groupsText(rooms))) {
            admin.reloadModule("groups");
            changes++;
            LOG.info("chat roster groups rewritten: {} 課", rooms.size());
        }
        applied = now;
        return changes;
    }

    /** Replaces the file if its text differs; whether it did. */
    private boolean writeGroups(String text) throws ChatServerException {
        try {
            if (Files.exists(groupsFile) && Files.readString(groupsFile, StandardCharsets.UTF_8).equals(text)) {
                return false;
            }
            Path temporary = groupsFile.resolveSibling(groupsFile.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, groupsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new ChatServerException("cannot write the chat roster groups " + groupsFile + ": " + e.getMessage(), e);
        }
    }
}
