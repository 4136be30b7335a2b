package org.hazardstream.study;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** What every panel writer shares: quoting a CSV field, and a whole CSV as a string. */
public final class CsvText {

    /** Something that writes CSV to a writer (a panel's writeCsv). */
    @FunctionalInterface
    public interface Writing {
        void to(Writer out) throws IOException;
    }

    private CsvText() {}

    /** The text the writing writes. */
    public static String of(Writing writing) {
        StringWriter out = new StringWriter();
        try {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** A field as RFC 4180 writes it: quoted, with quotes doubled, only when it holds a comma, quote or line end. */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
