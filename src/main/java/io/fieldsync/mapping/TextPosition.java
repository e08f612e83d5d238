package io.fieldsync.mapping;

/** Turns a character offset into "line L, column C", the way an editor shows it. */
final class TextPosition {

    private TextPosition() {
    }

    static String of(String text, int offset) {
        int end = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int column = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }
}
