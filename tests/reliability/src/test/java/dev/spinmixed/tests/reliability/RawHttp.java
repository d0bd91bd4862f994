package dev.spinmixed.tests.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Sends raw bytes to an HTTP server over a plain socket (so malformed HTTP reaches the server's
 * parser, which no HTTP client library would send) and reads one answer.
 */
final class RawHttp {

    /**
     * What came back: the status of the answer, or {@link #CLOSED} when the server closed the
     * connection without one, or {@link #NO_ANSWER} when nothing came before the timeout.
     */
    record Answer(int status, long millis, String head) {
        boolean answered() {
            return status > 0;
        }
    }

    static final int CLOSED = -1;
    static final int NO_ANSWER = -2;

    private RawHttp() {}

    /**
     * @param hangUp close our sending side after the bytes (a client that hung up half-way)
     */
    static Answer exchange(
            InetSocketAddress server, byte[] request, boolean hangUp, Duration timeout)
            throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(server, 5000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (hangUp) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may answer and close before it has read everything (e.g. 413, 400).
            }
            return read(new java.io.BufferedInputStream(socket.getInputStream()), start);
        } catch (SocketTimeoutException e) {
            return new Answer(NO_ANSWER, elapsed(start), "");
        }
    }

    private static Answer read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        try {
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (endsWithBlankLine(head)) {
                    break;
                }
            }
        } catch (java.net.SocketException reset) {
            // A reset after or instead of the answer: judged by what was read.
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/")) {
            return new Answer(text.isEmpty() ? CLOSED : 0, elapsed(start), text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        long length = contentLength(text);
        if (length > 0) {
            in.readNBytes((int) Math.min(length, 1 << 20));
        }
        return new Answer(status, elapsed(start), text);
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).strip());
            }
        }
        return 0;
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
        byte[] bytes = head.toByteArray();
        int n = bytes.length;
        return n >= 4
                && bytes[n - 4] == '\r'
                && bytes[n - 3] == '\n'
                && bytes[n - 2] == '\r'
                && bytes[n - 1] == '\n';
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
