package org.kairan.chat;

/**
 * A file shared in a message (XEP-0363 upload, announced with an out-of-band URL).
 *
 * @param url       where the chat server keeps it
 * @param name      its file name
 * @param size      bytes, or -1 when the sender did not say
 * @param mediaType its media type, or {@code null}
 */
public record ChatFile(String url, String name, long size, String mediaType) {
}
