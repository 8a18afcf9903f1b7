package org.kairan.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kairan.core.protocol.AuditEntry;
import org.kairan.core.protocol.AuditVerification;

class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-11-26T05:00:00.123456789Z");

    private final AuditChain chain = new AuditChain();

    private static AuditEntry unsealed(long seq, Instant at, String staffNo, String action, String result,
            String detail) {
        return new AuditEntry(seq, at, staffNo, "企画財政部 財政課 財政係", "主査", "佐藤 花子", action, result, detail, null);
    }

    /** Five sealed entries as the server would store them. */
    private List<AuditEntry> fiveEntries() {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS_HASH;
        String[][] events = {{"LOGIN", "SUCCESS", null}, {"PASSWORD_CHANGE", "SUCCESS", null},
                {"LOGIN", "FAILURE", "wrong password"}, {"TOTP_RESET", "SUCCESS", "target 120003"},
                {"LOGOUT", "SUCCESS", ""}};
        for (int i = 0; i < events.length; i++) {
            AuditEntry sealed = chain.seal(previous, unsealed(i + 1, T0.plusSeconds(60L * i), "120002",
                    events[i][0], events[i][1], events[i][2]));
            entries.add(sealed);
            previous = sealed.hash();
        }
        return entries;
    }

    @Test
    void theCanonicalTextAndHashAreStable() {
        AuditEntry entry = new AuditEntry(1, T0, "120002", "企画財政部 財政課", "課長", "佐藤 花子", "LOGIN", "SUCCESS",
                null, null);
        assertEquals("kairan-audit-v1|1|2026-11-26T05:00:00.123456Z|120002|企画財政部 財政課|課長|佐藤 花子|LOGIN|SUCCESS|\\N",
                chain.canonicalText(entry), "the v1 canonical text must never change: stored chains depend on it");
        String first = chain.hash(AuditChain.GENESIS_HASH, entry);
        assertEquals("2f60ff94515de65212ce956c427b487d0eb4df6ceb2bba92621c691459dd6f19", first,
                "hash = SHA-256(previous hash | canonical text), checked with an independent implementation");
        AuditEntry second = new AuditEntry(2, Instant.parse("2026-11-26T05:01:00Z"), "999999", null, null, null,
                "LOGIN", "FAILURE", "wrong password | typed \\ twice\nsecond line", null);
        assertEquals("kairan-audit-v1|2|2026-11-26T05:01:00.000000Z|999999|\\N|\\N|\\N|LOGIN|FAILURE|"
                + "wrong password \\| typed \\\\ twice\\nsecond line", chain.canonicalText(second),
                "separators, backslashes and line feeds are escaped; whole seconds get six zero digits");
        assertEquals("f5460d430899418c233dca7881c40bb673cf4f323b2bff54e00d3404e35263db", chain.hash(first, second),
                "the second hash chains from the first");
    }

    @Test
    void anUntouchedChainIsIntact() {
        List<AuditEntry> entries = fiveEntries();
        AuditVerification result = chain.verify(entries);
        assertTrue(result.intact(), "an untouched chain must verify: " + result.message());
        assertEquals(5, result.entries(), "all five entries are checked");
        assertNull(result.firstBrokenSeq(), "nothing is broken");
        assertTrue(result.message().contains(entries.get(4).hash()), "the message names the head hash to record");
    }

    @Test
    void anEmptyLogIsIntact() {
        AuditVerification result = chain.verify(List.of());
        assertTrue(result.intact(), "an empty log is intact");
        assertEquals(0, result.entries());
    }

    @ParameterizedTest(name = "changing {0} of entry 3 is detected at entry 3")
    @ValueSource(strings = {"at", "staffNo", "unit", "position", "name", "action", "result", "detail", "hash"})
    void aChangedFieldIsDetectedAtThatEntry(String field) {
        List<AuditEntry> entries = fiveEntries();
        AuditEntry e = entries.get(2);
        AuditEntry tampered = switch (field) {
            case "at" -> new AuditEntry(e.seq(), e.at().plusNanos(1000), e.staffNo(), e.unit(), e.position(), e.name(),
                    e.action(), e.result(), e.detail(), e.hash());
            case "staffNo" -> new AuditEntry(e.seq(), e.at(), "120003", e.unit(), e.position(), e.name(), e.action(),
                    e.result(), e.detail(), e.hash());
            case "unit" -> new AuditEntry(e.seq(), e.at(), e.staffNo(), "総務部 総務課", e.position(), e.name(),
                    e.action(), e.result(), e.detail(), e.hash());
            case "position" -> new AuditEntry(e.seq(), e.at(), e.staffNo(), e.unit(), "課長", e.name(), e.action(),
                    e.result(), e.detail(), e.hash());
            case "name" -> new AuditEntry(e.seq(), e.at(), e.staffNo(), e.unit(), e.position(), "佐藤 花代", e.action(),
                    e.result(), e.detail(), e.hash());
            case "action" -> new AuditEntry(e.seq(), e.at(), e.staffNo(), e.unit(), e.position(), e.name(), "LOGOUT",
                    e.result(), e.detail(), e.hash());
            case "result" -> new AuditEntry(e.seq(), e.at(), e.staffNo(), e.unit(), e.position(), e.name(), e.action(),
                    "SUCCESS", e.detail(), e.hash());
            case "detail" -> new AuditEntry(e.seq(), e.at(), e.staffNo(), e.unit(), e.position(), e.name(), e.action(),
                    e.result(), null, e.hash());
            case "hash" -> new AuditEntry(e.seq(), e.at(), e.staffNo(), e.unit(), e.position(), e.name(), e.action(),
                    e.result(), e.detail(), "0".repeat(64));
            default -> throw new IllegalArgumentException(field);
        };
        entries.set(2, tampered);
        AuditVerification result = chain.verify(entries);
        assertFalse(result.intact(), "a changed " + field + " must break the chain");
        assertEquals(3L, result.firstBrokenSeq(), "the break is reported at the changed entry");
        assertEquals(3, result.entries(), "verification stops at the first break");
    }

    @Test
    void aChangedEntryWhoseHashWasRecomputedBreaksTheNextOne() {
        List<AuditEntry> entries = fiveEntries();
        AuditEntry e = entries.get(2);
        AuditEntry forged = chain.seal(entries.get(1).hash(), new AuditEntry(e.seq(), e.at(), e.staffNo(), e.unit(),
                e.position(), e.name(), e.action(), "SUCCESS", e.detail(), null));
        entries.set(2, forged);
        AuditVerification result = chain.verify(entries);
        assertFalse(result.intact(), "a re-hashed forgery must still break the chain");
        assertEquals(4L, result.firstBrokenSeq(), "entry 4 no longer chains from entry 3");
    }

    @Test
    void aDeletedEntryInTheMiddleIsDetected() {
        List<AuditEntry> entries = fiveEntries();
        entries.remove(2);
        AuditVerification result = chain.verify(entries);
        assertFalse(result.intact(), "a gap in seq must break the chain");
        assertEquals(3L, result.firstBrokenSeq(), "the missing entry is named");
        assertTrue(result.message().contains("found entry 4"), "the message says what was found: " + result.message());
    }

    @Test
    void aDeletedAndRenumberedEntryIsDetected() {
        List<AuditEntry> entries = fiveEntries();
        entries.remove(2);
        AuditEntry e = entries.get(2);
        entries.set(2, new AuditEntry(3, e.at(), e.staffNo(), e.unit(), e.position(), e.name(), e.action(), e.result(),
                e.detail(), e.hash()));
        AuditVerification result = chain.verify(entries);
        assertFalse(result.intact(), "renumbering after a deletion must break the chain");
        assertEquals(3L, result.firstBrokenSeq(), "the renumbered entry does not match its hash");
    }

    @Test
    void reorderedEntriesAreDetected() {
        List<AuditEntry> entries = fiveEntries();
        Collections.swap(entries, 2, 3);
        AuditVerification result = chain.verify(entries);
        assertFalse(result.intact(), "entries out of order must break the chain");
        assertEquals(3L, result.firstBrokenSeq(), "the first position out of order is named");
    }

    @Test
    void anInsertedEntryIsDetected() {
        List<AuditEntry> entries = fiveEntries();
        entries.add(2, chain.seal(entries.get(1).hash(), unsealed(3, T0.plusSeconds(90), "120002", "LOGIN", "SUCCESS",
                "inserted")));
        AuditVerification result = chain.verify(entries);
        assertFalse(result.intact(), "an inserted entry must break the chain");
        assertEquals(4L, result.firstBrokenSeq(), "the old entry 3 now sits where 4 is expected");
    }

    @Test
    void aChainThatDoesNotStartAtOneIsBroken() {
        List<AuditEntry> entries = fiveEntries();
        entries.remove(0);
        AuditVerification result = chain.verify(entries);
        assertFalse(result.intact(), "a log whose first entries were deleted is broken");
        assertEquals(1L, result.firstBrokenSeq(), "entry 1 is missing");
    }

    @Test
    void deletingTheLastEntriesIsOnlyDetectedWithARecordedHead() {
        List<AuditEntry> entries = fiveEntries();
        AuditChain.Checkpoint head = new AuditChain.Checkpoint(5, entries.get(4).hash());
        List<AuditEntry> truncated = entries.subList(0, 3);
        assertTrue(chain.verify(truncated).intact(),
                "documented limitation: a chain alone cannot show that its tail was removed");
        AuditVerification result = chain.verify(truncated, head);
        assertFalse(result.intact(), "with the head recorded elsewhere, a removed tail is detected");
        assertEquals(4L, result.firstBrokenSeq(), "the first missing entry is named");
        assertTrue(chain.verify(entries, head).intact(), "the full log matches its recorded head");
        assertTrue(chain.verify(entries, new AuditChain.Checkpoint(3, entries.get(2).hash())).intact(),
                "an older checkpoint matches a log that grew since");
    }

    @Test
    void aRewrittenLogIsDetectedWithARecordedHead() {
        List<AuditEntry> original = fiveEntries();
        AuditChain.Checkpoint head = new AuditChain.Checkpoint(5, original.get(4).hash());
        List<AuditEntry> rewritten = new ArrayList<>(original.subList(0, 2));
        String previous = original.get(1).hash();
        for (AuditEntry e : original.subList(2, 5)) {
            AuditEntry forged = chain.seal(previous, new AuditEntry(e.seq(), e.at(), e.staffNo(), e.unit(), e.position(),
                    e.name(), e.action(), "SUCCESS", e.detail(), null));
            rewritten.add(forged);
            previous = forged.hash();
        }
        assertTrue(chain.verify(rewritten).intact(),
                "documented limitation: someone who recomputes every later hash leaves a consistent chain");
        AuditVerification result = chain.verify(rewritten, head);
        assertFalse(result.intact(), "the recorded head no longer matches a rewritten log");
        assertEquals(5L, result.firstBrokenSeq(), "the mismatch shows at the checkpoint");
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditEntry a = new AuditEntry(1, T0, "1", "総務課|主査", "", "名前", "LOGIN", "SUCCESS", null, null);
        AuditEntry b = new AuditEntry(1, T0, "1", "総務課", "主査|", "名前", "LOGIN", "SUCCESS", null, null);
        assertNotEquals(chain.canonicalText(a), chain.canonicalText(b), "a | inside a field is not a separator");
        AuditEntry nullDetail = new AuditEntry(1, T0, "1", "u", "p", "n", "a", "r", null, null);
        AuditEntry emptyDetail = new AuditEntry(1, T0, "1", "u", "p", "n", "a", "r", "", null);
        AuditEntry literalN = new AuditEntry(1, T0, "1", "u", "p", "n", "a", "r", "\\N", null);
        assertEquals(3, Arrays.asList(chain.hash(AuditChain.GENESIS_HASH, nullDetail),
                chain.hash(AuditChain.GENESIS_HASH, emptyDetail), chain.hash(AuditChain.GENESIS_HASH, literalN))
                .stream().distinct().count(), "null, empty and the text \\N are three different details");
        AuditEntry trailingBackslash = new AuditEntry(1, T0, "1", "u\\", "p", "n", "a", "r", null, null);
        AuditEntry escapedPipe = new AuditEntry(1, T0, "1", "u", "\\p", "n", "a", "r", null, null);
        assertNotEquals(chain.canonicalText(trailingBackslash), chain.canonicalText(escapedPipe),
                "a trailing backslash cannot swallow the separator");
    }

    @Test
    void timestampsAreTruncatedToMicrosecondsAsTheDatabaseStoresThem() {
        AuditEntry sealed = chain.seal(AuditChain.GENESIS_HASH, unsealed(1, T0, "120002", "LOGIN", "SUCCESS", null));
        assertEquals(Instant.parse("2026-11-26T05:00:00.123456Z"), sealed.at(),
                "seal truncates at to the microsecond, not rounding up");
        AuditEntry readBack = new AuditEntry(1, Instant.parse("2026-11-26T05:00:00.123456Z"), sealed.staffNo(),
                sealed.unit(), sealed.position(), sealed.name(), sealed.action(), sealed.result(), sealed.detail(),
                sealed.hash());
        assertTrue(chain.verify(List.of(readBack)).intact(), "an entry read back with microsecond precision verifies");
        AuditEntry withNanos = new AuditEntry(1, T0, sealed.staffNo(), sealed.unit(), sealed.position(), sealed.name(),
                sealed.action(), sealed.result(), sealed.detail(), sealed.hash());
        assertTrue(chain.verify(List.of(withNanos)).intact(), "nanoseconds below the microsecond do not count");
    }

    @Test
    void sealMakesTextStorableAndKeepsRealJapaneseNames() {
        AuditEntry typed = new AuditEntry(1, T0, "12\u0000\uD800", "情報政策課", "係長", "𠮷田 太郎", "LOGIN", "FAILURE",
                "user id \uDC00 typed", null);
        AuditEntry sealed = chain.seal(AuditChain.GENESIS_HASH, typed);
        assertEquals("12\uFFFD\uFFFD", sealed.staffNo(), "NUL and an unpaired high surrogate become U+FFFD");
        assertEquals("user id \uFFFD typed", sealed.detail(), "an unpaired low surrogate becomes U+FFFD");
        assertEquals("𠮷田 太郎", sealed.name(), "a character outside the BMP (𠮷, a surrogate pair) is kept");
        assertTrue(chain.verify(List.of(sealed)).intact(), "the sealed entry verifies as stored");
    }

    @Test
    void sealIgnoresAHashAlreadyPresent() {
        AuditEntry withGarbage = new AuditEntry(1, T0, "1", "u", "p", "n", "a", "r", null, "x");
        AuditEntry sealed = chain.seal(AuditChain.GENESIS_HASH, withGarbage);
        assertEquals(chain.hash(AuditChain.GENESIS_HASH, withGarbage), sealed.hash(), "the hash is computed afresh");
    }

    @Test
    void badInputIsRefused() {
        AuditEntry entry = unsealed(1, T0, "1", "LOGIN", "SUCCESS", null);
        assertThrows(IllegalArgumentException.class, () -> chain.hash("ABC", entry), "a previous hash must be 64 hex");
        assertThrows(IllegalArgumentException.class, () -> chain.hash("A".repeat(64), entry),
                "a previous hash must be lower case");
        assertThrows(IllegalArgumentException.class, () -> chain.canonicalText(unsealed(0, T0, "1", "a", "r", null)),
                "seq starts at 1");
        assertThrows(NullPointerException.class, () -> chain.canonicalText(unsealed(1, null, "1", "a", "r", null)),
                "an entry without time cannot be hashed");
        assertThrows(IllegalArgumentException.class, () -> new AuditChain.Checkpoint(0, AuditChain.GENESIS_HASH),
                "a checkpoint names a real entry");
    }

    @Test
    void aMissingHashOrTimeIsABrokenEntryNotACrash() {
        List<AuditEntry> entries = fiveEntries();
        AuditEntry e = entries.get(1);
        entries.set(1, new AuditEntry(e.seq(), null, e.staffNo(), e.unit(), e.position(), e.name(), e.action(),
                e.result(), e.detail(), e.hash()));
        assertEquals(2L, chain.verify(entries).firstBrokenSeq(), "an entry without time is reported broken");
        List<AuditEntry> withNull = fiveEntries();
        withNull.set(3, null);
        assertEquals(4L, chain.verify(withNull).firstBrokenSeq(), "a null row is reported broken");
    }

    @Test
    void verificationStreamsWithoutHoldingTheLog() {
        // 100,000 entries generated lazily: verify must only keep the previous hash.
        Iterable<AuditEntry> lazy = () -> new java.util.Iterator<>() {
            private long seq = 0;
            private String previous = AuditChain.GENESIS_HASH;

            @Override
            public boolean hasNext() {
                return seq < 100_000;
            }

            @Override
            public AuditEntry next() {
                seq++;
                AuditEntry sealed = chain.seal(previous, unsealed(seq, T0.plusMillis(seq), "120002", "READ", "SUCCESS",
                        "document " + seq));
                previous = sealed.hash();
                return sealed;
            }
        };
        AuditVerification result = chain.verify(lazy);
        assertTrue(result.intact(), "a long chain verifies");
        assertEquals(100_000, result.entries(), "every entry was checked");
    }
}
