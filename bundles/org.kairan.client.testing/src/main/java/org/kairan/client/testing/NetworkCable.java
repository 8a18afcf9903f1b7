package org.kairan.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A network cable between a desktop under test and the real server: a TCP relay on a loopback port that
 * can be unplugged (every open connection is cut, new ones are cut at once) and plugged in again, while
 * the server itself keeps running for everyone else — a teleworker's home network dropping.
 */
public final class NetworkCable implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean plugged = true;

    /** Lays a cable to the server at {@code serverUrl} (http://host:port). */
    public NetworkCable(String serverUrl) throws IOException {
        URI uri = URI.create(serverUrl);
        this.server = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "network-cable-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** The address the desktop should use instead of the server's. */
    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Cuts every connection and every new one until {@link #plugIn()}. */
    public void unplug() {
        plugged = false;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Lets connections through again. */
    public void plugIn() {
        plugged = true;
    }

    public boolean isPlugged() {
        return plugged;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket desktop = listener.accept();
                if (!plugged) {
                    desktop.setSoLinger(true, 0); // a reset, as when the line is dead
                    closeQuietly(desktop);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(server, 5_000);
                open.add(desktop);
                open.add(upstream);
                pump(desktop, upstream, "up");
                pump(upstream, desktop, "down");
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut: close both ends below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "network-cable-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        unplug();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
