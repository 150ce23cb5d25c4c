package dev.cohort.members;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated cells, cells in double quotes may hold commas, line breaks and doubled
 * quotes; records end with CRLF, LF or CR. Blank lines are skipped, a leading byte-order mark ignored, and a quote
 * inside an unquoted cell is kept as it is. Lines are counted from 1 as an editor shows them.
 */
final class Csv {
    /** The file is not well-formed CSV; {@code line} (and {@code column} when known, else 0) say where. */
    static final class FormatException extends RuntimeException {
        final int line;
        final int column;

        FormatException(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int recordLine;

    Csv(String text) {
        this.text = text;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
        this.lineStart = pos;
    }

    /** Decodes strict UTF-8; a bad byte sequence or a NUL character is a {@link FormatException} on its line. */
    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new FormatException(lineAt(bytes, in.position()), 0, "is not valid UTF-8 (byte " + (in.position() + 1)
                    + " of the file); save the file as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new FormatException(lineAt(text, nul), 0, "contains a NUL character");
        }
        return text;
    }

    /** The line on which the record last returned by {@link #next} starts. */
    int line() {
        return recordLine;
    }

    /** The next record's cells, or null at the end of the text. */
    List<String> next() {
        while (pos < text.length() && (text.charAt(pos) == '\r' || text.charAt(pos) == '\n')) {
            newline();
        }
        if (pos >= text.length()) {
            return null;
        }
        recordLine = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        while (true) {
            cell.setLength(0);
            if (pos < text.length() && text.charAt(pos) == '"') {
                quoted(cell);
            } else {
                while (pos < text.length() && !endOfCell(text.charAt(pos))) {
                    cell.append(text.charAt(pos++));
                }
            }
            cells.add(cell.toString());
            if (pos >= text.length()) {
                return cells;
            }
            if (text.charAt(pos) == ',') {
                pos++;
            } else {
                newline();
                return cells;
            }
        }
    }

    private void quoted(StringBuilder cell) {
        int openLine = line;
        int openColumn = pos - lineStart + 1;
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new FormatException(openLine, openColumn, "has a quote that is never closed");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    cell.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            if (c == '\r' || c == '\n') {
                int before = pos;
                newline();
                cell.append(text, before, pos);
                continue;
            }
            cell.append(c);
            pos++;
        }
        if (pos < text.length() && !endOfCell(text.charAt(pos))) {
            throw new FormatException(line, pos - lineStart + 1, "has '" + text.charAt(pos)
                    + "' after a closing quote; a quote inside a quoted cell is written twice (\"\")");
        }
    }

    private static boolean endOfCell(char c) {
        return c == ',' || c == '\r' || c == '\n';
    }

    /** Consumes one CRLF, LF or CR at {@code pos}. */
    private void newline() {
        if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        lineStart = pos;
    }

    private static int lineAt(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }

    private static int lineAt(String text, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }
}
