package org.kairan.chat.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.UploadService;
import org.kairan.chat.ChatException;
import org.kairan.chat.ChatFile;
import org.kairan.chat.ChatTopics;
import org.kairan.core.protocol.ChatCredentials;

/**
 * Files in chat through the chat server's file sharing (XEP-0363): the size limit it announces is checked before
 * anything is sent, the upload reports its progress, and a download goes to a temporary file first so a failed one
 * leaves nothing half written.
 */
final class FileSharing {

    private final XMPPTCPConnection connection;
    private final ChatEvents events;
    private final SSLContext tls;
    private volatile UploadService service;

    FileSharing(XMPPTCPConnection connection, ChatCredentials credentials, ChatEvents events) throws ChatException {
        this.connection = connection;
        this.events = events;
        this.tls = ChatConnections.tlsContext(credentials);
    }

    /** The largest file the chat server takes, or -1 when it does not say or cannot be asked now. */
    long maxFileSize() {
        try {
            UploadService known = service();
            return known.hasMaxFileSizeLimit() ? known.getMaxFileSize() : -1;
        } catch (ChatException e) {
            return -1;
        }
    }

    private UploadService service() throws ChatException {
        UploadService known = service;
        if (known != null) {
            return known;
        }
        HttpFileUploadManager manager = HttpFileUploadManager.getInstanceFor(connection);
        try {
            if (!manager.isUploadServiceDiscovered() && !manager.discoverUploadService()) {
                throw new ChatException(ChatException.Reason.REFUSED, "チャットサーバーがファイル共有に対応していません。");
            }
        } catch (SmackException.NotConnectedException e) {
            throw new ChatException(ChatException.Reason.NOT_CONNECTED,
                    "チャットサーバーに接続していないため、ファイルを送れません。", e);
        } catch (SmackException.NoResponseException | XMPPException.XMPPErrorException e) {
            throw new ChatException(ChatException.Reason.FAILED, "ファイル共有を確認できませんでした: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException(ChatException.Reason.FAILED, "中断されました。", e);
        }
        service = manager.getDefaultUploadService();
        return service;
    }

    /** Uploads the file (blocking) and returns it as a message will share it. */
    ChatFile upload(String conversation, Path file) throws ChatException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ChatException(ChatException.Reason.FILE_UNREADABLE, "ファイルを読めません: " + file.getFileName());
        }
        long size;
        String mediaType;
        try {
            size = Files.size(file);
            mediaType = Files.probeContentType(file);
        } catch (IOException e) {
            throw new ChatException(ChatException.Reason.FILE_UNREADABLE,
                    "ファイルを読めません: " + file.getFileName() + "（" + e.getMessage() + "）", e);
        }
        UploadService upload = service();
        if (upload.hasMaxFileSizeLimit() && size > upload.getMaxFileSize()) {
            throw new ChatException(ChatException.Reason.FILE_TOO_LARGE, "ファイルが大きすぎます: "
                    + file.getFileName() + " は " + Sizes.of(size) + "、チャットで送れるのは "
                    + Sizes.of(upload.getMaxFileSize()) + " までです。文書庫に置いてリンクを送ってください。");
        }
        String name = file.getFileName().toString();
        HttpFileUploadManager manager = HttpFileUploadManager.getInstanceFor(connection);
        if (tls != null) {
            manager.setTlsContext(tls);
        }
        try {
            URL url = manager.uploadFile(file.toFile(), (sent, total) -> events.post(ChatTopics.FILE_PROGRESS,
                    new ChatTopics.FileProgress(conversation, name, sent, total)));
            return new ChatFile(url.toString(), name, size, mediaType);
        } catch (XMPPException.XMPPErrorException e) {
            throw new ChatException(ChatException.Reason.REFUSED, "チャットサーバーがファイルを受け付けませんでした: "
                    + e.getStanzaError().getDescriptiveText() + " (" + e.getStanzaError().getCondition() + ")", e);
        } catch (SmackException | IOException e) {
            throw new ChatException(ChatException.Reason.FAILED, "ファイルを送れませんでした: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException(ChatException.Reason.FAILED, "ファイルの送信が中断されました。", e);
        }
    }

    /** Saves a shared file to {@code target} (blocking). */
    void download(ChatFile file, Path target) throws ChatException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            builder.sslContext(tls);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (HttpClient http = builder.build()) {
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(file.url())).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new ChatException(ChatException.Reason.FAILED, "ファイルを受け取れませんでした（HTTP "
                        + response.statusCode() + "）。期限が切れて消されたかもしれません。");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | IllegalArgumentException e) {
            throw new ChatException(ChatException.Reason.FAILED, "ファイルを受け取れませんでした: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException(ChatException.Reason.FAILED, "中断されました。", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a leftover .part file next to the target; nothing else to do
            }
        }
    }
}
