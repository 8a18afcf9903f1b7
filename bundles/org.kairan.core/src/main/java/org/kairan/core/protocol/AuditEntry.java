package org.kairan.core.protocol;

import java.time.Instant;

/**
 * One line of the audit log, with what Japanese rules require: 日時・所属・役職・氏名・操作・結果.
 *
 * @param seq      position in the chain, from 1
 * @param at       日時
 * @param staffNo  職員番号 of the actor, or the user id typed for a failed login
 * @param unit     所属 at the time
 * @param position 役職 at the time
 * @param name     氏名
 * @param action   操作, e.g. LOGIN
 * @param result   結果, e.g. SUCCESS, FAILURE
 * @param detail   free text (target of an admin action, reason of a failure)
 * @param hash     hex SHA-256 over the previous hash and this entry
 */
public record AuditEntry(long seq, Instant at, String staffNo, String unit, String position, String name,
        String action, String result, String detail, String hash) {
}
