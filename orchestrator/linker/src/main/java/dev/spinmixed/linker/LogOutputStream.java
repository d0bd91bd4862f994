package dev.spinmixed.linker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/** A guest's stdout or stderr, logged a line at a time. */
final class LogOutputStream extends OutputStream {

    private final Logger logger;
    private final String prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogOutputStream(Logger logger, String prefix) {
        this.logger = logger;
        this.prefix = prefix;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flush();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            logger.info("{} {}", prefix, line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
