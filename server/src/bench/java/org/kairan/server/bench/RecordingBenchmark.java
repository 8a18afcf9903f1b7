package org.kairan.server.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.core.minutes.SaveMinutes;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.KairanServer;
import org.kairan.server.ServerConfig;
import org.kairan.server.audit.AuditActor;
import org.kairan.server.http.ApiJson;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What playing 議事録 from an utterance costs the first time (issue 7: the editor's 「発言から再生」): a meeting's
 * recording of {@code --hours} (a 16 kHz mono WAV) is kept by the real server without transcription
 * ({@code ?recognise=false}: upload, conversion, done), given to minutes of the 財政課, and fetched as the desktop
 * fetches it before the first play ({@code GET /api/minutes/records/{id}/recording}) over loopback: time to the
 * first byte, the whole file, MB/s. Later plays read the desktop's cached copy. Not a test; see bench/README.md.
 * Arguments: {@code [--hours 1] [--runs 5]}.
 */
public final class RecordingBenchmark {

    private static final String PASSWORD = "bench-password-2026";
    private static final String CLERK = "120002";
    private static final String ZAISEI_KA = "120200";
    private static final int RATE = 16_000;

    private RecordingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double hours = Double.parseDouble(arg(args, "--hours", "1"));
        int runs = Integer.parseInt(arg(args, "--runs", "5"));
        Path dataDir = Files.createTempDirectory("kairan-recording-bench-");
        ObjectMapper json = ApiJson.newObjectMapper();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (KairanServer server = KairanServer.newServer(ServerConfig.defaults(dataDir).withPort(0).withDemo(true))) {
            server.start();
            System.out.printf(Locale.ROOT, "java %s, %d cpus, load average %.2f; a %.1f-hour recording%n",
                    Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), hours);
            server.accounts().setPassword(CLERK, PASSWORD.toCharArray(), AuditActor.system("benchmark set-up"));
            try (BenchDesk clerk = BenchDesk.firstLogin(server.uri(), json, CLERK, PASSWORD)) {
                Path wav = meeting(dataDir.resolve("meeting.wav"), hours);
                long start = System.nanoTime();
                String job = kept(http, json, server.uri(), clerk.token(), wav);
                System.out.printf(Locale.ROOT, "kept (upload %,d bytes, conversion, done): %.2f s%n", Files.size(wav),
                        (System.nanoTime() - start) / 1e9);
                String minutes = UUID.randomUUID().toString();
                clerk.sendAllApplied(CommandTypes.SAVE_MINUTES, List.of(new SaveMinutes(new Minutes(minutes, ZAISEI_KA,
                        new MeetingHeader("財政課内会議", LocalDateTime.of(2026, 11, 27, 14, 0), null, "第2会議室",
                                List.of(), List.of()), List.of(new MinutesUtterance("u1", "話者 1", Duration.ZERO,
                                        Duration.ofSeconds(4), "それでは始めます。")), Map.of(), List.of(), List.of(), "",
                        job), 0)));
                List<double[]> fetches = new ArrayList<>();
                for (int run = 0; run <= runs; run++) {
                    double[] fetch = fetch(http, server.uri(), clerk.token(), minutes);
                    if (run > 0) { // the first warms the server's code paths and the page cache
                        fetches.add(fetch);
                    }
                }
                fetches.sort((a, b) -> Double.compare(a[1], b[1]));
                double[] median = fetches.get(fetches.size() / 2);
                System.out.printf(Locale.ROOT, "recording fetched %d times: %,.0f bytes; first byte %.1f ms, whole file"
                        + " %.0f ms median (%.0f–%.0f), %.0f MB/s%n", fetches.size(), median[2], median[0], median[1],
                        fetches.getFirst()[1], fetches.getLast()[1], median[2] / 1e6 / (median[1] / 1e3));
            }
        } finally {
            BenchFiles.deleteRecursively(dataDir);
        }
    }

    /** A WAV of quiet noise as long as the meeting: what the server converts and keeps as it is. */
    private static Path meeting(Path wav, double hours) throws IOException {
        long samples = (long) (hours * 3600 * RATE);
        Random random = new Random(7);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wav), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + samples * 2))
                    .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                    .putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                    .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) (samples * 2));
            out.write(header.array());
            byte[] block = new byte[RATE * 2];
            for (long s = 0; s < samples; s += RATE) {
                random.nextBytes(block);
                for (int i = 1; i < block.length; i += 2) {
                    block[i] = (byte) (block[i] >> 6); // quiet: the high byte small
                }
                out.write(block, 0, (int) Math.min(block.length, (samples - s) * 2));
            }
        }
        return wav;
    }

    /** Uploads the recording to be kept without transcription and waits until it is done; its job's id. */
    private static String kept(HttpClient http, ObjectMapper json, URI server, String token, Path wav)
            throws Exception {
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(server.resolve(
                "/api/minutes/transcriptions?recognise=false")).header("Authorization", "Bearer " + token)
                .header("X-Kairan-File-Name", "meeting.wav").POST(HttpRequest.BodyPublishers.ofFile(wav)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (uploaded.statusCode() != 202) {
            throw new IllegalStateException("upload: " + uploaded.statusCode() + " " + uploaded.body());
        }
        String id = json.readTree(uploaded.body()).get("id").asText();
        while (true) {
            String job = http.send(HttpRequest.newBuilder(server.resolve("/api/minutes/transcriptions/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            String state = json.readTree(job).get("state").asText();
            if (state.equals("DONE")) {
                return id;
            }
            if (state.equals("FAILED") || state.equals("CANCELLED")) {
                throw new IllegalStateException("the recording was not kept: " + job);
            }
            Thread.sleep(50);
        }
    }

    /** One fetch of the recording, read to its end: {ms to the first byte, ms in all, bytes}. */
    private static double[] fetch(HttpClient http, URI server, String token, String minutesId) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(server.resolve("/api/minutes/records/"
                + minutesId + "/recording")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("recording: " + response.statusCode());
        }
        long bytes = 0;
        double firstByte = -1;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (firstByte < 0) {
                    firstByte = (System.nanoTime() - start) / 1e6;
                }
                bytes += read;
            }
        }
        return new double[] {firstByte, (System.nanoTime() - start) / 1e6, bytes};
    }

    private static String arg(String[] args, String name, String otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }
}
