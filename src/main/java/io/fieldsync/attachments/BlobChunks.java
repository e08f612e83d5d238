package io.fieldsync.attachments;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A file's bytes read from the field-service database a chunk at a time, each chunk its own
 * {@code SUBSTRING} query: MySQL drivers read a whole row into memory, so selecting the column
 * of a 9 MB file would hold 9 MB per upload; this holds one chunk.
 */
final class BlobChunks extends InputStream {

    private final JdbcTemplate source;
    private final long attachmentId;
    private final long length;
    private final int chunkBytes;
    private byte[] chunk = new byte[0];
    private int inChunk;
    private long position; // bytes handed out so far

    BlobChunks(JdbcTemplate source, long attachmentId, long length, int chunkBytes) {
        this.source = source;
        this.attachmentId = attachmentId;
        this.length = length;
        this.chunkBytes = chunkBytes;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        position++;
        return chunk[inChunk++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(count, chunk.length - inChunk);
        System.arraycopy(chunk, inChunk, buffer, offset, n);
        inChunk += n;
        position += n;
        return n;
    }

    @Override
    public int available() {
        return chunk.length - inChunk;
    }

    /** Whether there are bytes to hand out, reading the next chunk when this one is used up. */
    private boolean fill() throws IOException {
        if (inChunk < chunk.length) {
            return true;
        }
        if (position >= length) {
            return false;
        }
        int wanted = (int) Math.min(chunkBytes, length - position);
        try {
            // SQL positions count from 1
            chunk = source.queryForObject("select substring(content, ?, ?) from attachments where id = ?",
                    byte[].class, position + 1, wanted, attachmentId);
        } catch (RuntimeException e) {
            throw new IOException("Reading file " + attachmentId + " from the field-service database failed at byte "
                    + position + ": " + e.getMessage(), e);
        }
        inChunk = 0;
        if (chunk == null || chunk.length == 0) {
            throw new IOException("File " + attachmentId + " ended at byte " + position + " of " + length
                    + ": it changed in the field-service database while it was read");
        }
        return true;
    }
}
