package org.kairan.server.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

import org.kairan.core.kessai.CommandChain;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;

/**
 * What one user may see in the feed today: {@code all}, {@code staff:<own no>}, and
 * {@code unit:<code>} for the unit of every assignment in force (本務 and 兼務) and all the units
 * above it, so a 回覧 to a 課 reaches the members of its 係 and one to a 部 everybody below it; and
 * {@code manages:<code>} for each unit where they hold a post of the chain of command above the 係 (課長,
 * 部長 …), which gives them the 決裁 of that unit.
 *
 * @param staffNo     whose scope
 * @param tokens      the audience tokens the user holds
 * @param fingerprint a short hash of the tokens: it changes exactly when the visibility changes
 */
public record SyncScope(String staffNo, Set<String> tokens, String fingerprint) {

    private static final CommandChain CHAIN = CommandChain.standard();

    public SyncScope {
        tokens = Set.copyOf(tokens);
    }

    /** The user's scope on the day. */
    public static SyncScope of(OrganisationDirectory directory, String staffNo, LocalDate day) {
        TreeSet<String> tokens = new TreeSet<>();
        tokens.add(Audience.ALL);
        tokens.add(Audience.staff(staffNo));
        for (Assignment post : directory.postsOf(staffNo, day)) {
            for (OrgUnit unit : directory.pathTo(post.unitCode())) {
                tokens.add(Audience.unit(unit.code()));
            }
            tokens.add(Audience.unit(post.unitCode()));
            directory.unit(post.unitCode()).filter(unit -> CHAIN.manages(unit.kind(), post.position()))
                    .ifPresent(unit -> tokens.add(Audience.manages(unit.code())));
        }
        return new SyncScope(staffNo, tokens, fingerprint(tokens));
    }

    /** Whether an entry with the stored audience is visible to the user. */
    public boolean sees(String audience) {
        int start = 0;
        int length = audience.length();
        while (start < length) {
            int end = audience.indexOf(' ', start);
            if (end < 0) {
                end = length;
            }
            if (end > start && tokens.contains(audience.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static String fingerprint(TreeSet<String> tokens) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join("\n", tokens).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
