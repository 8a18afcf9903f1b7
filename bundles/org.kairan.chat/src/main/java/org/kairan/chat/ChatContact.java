package org.kairan.chat;

/**
 * A colleague in the chat contact list, grouped by 課.
 *
 * @param address  their chat address (bare JID)
 * @param staffNo  職員番号
 * @param name     氏名
 * @param group    the 課 they are listed under
 * @param presence whether they are there
 */
public record ChatContact(String address, String staffNo, String name, String group, ChatPresence presence) {
}
