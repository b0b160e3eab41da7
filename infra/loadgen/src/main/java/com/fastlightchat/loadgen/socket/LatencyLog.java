package com.fastlightchat.loadgen.socket;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.Deflater;

/**
 * Latencies in microseconds, recorded from any thread without locks (an HdrHistogram {@link Recorder}), read as
 * intervals (for progress lines) and as a total since the last reset (for the report). Three significant digits.
 */
public final class LatencyLog {

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private Histogram interval;

    public void record(long micros) {
        recorder.recordValue(Math.max(0, micros));
    }

    /** What was recorded since the previous call; it also counts towards {@link #total()}. */
    public synchronized Histogram interval() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return interval.copy();
    }

    /** Everything recorded since the last {@link #reset()}. */
    public synchronized Histogram total() {
        interval();
        return total.copy();
    }

    public synchronized void reset() {
        interval = recorder.getIntervalHistogram(interval);
        total.reset();
    }

    /** A histogram as compressed base64, to travel in a JSON line. */
    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_SPEED);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("not an encoded histogram", e);
        }
    }
}
