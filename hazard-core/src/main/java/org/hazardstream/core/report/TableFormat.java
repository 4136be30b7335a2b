package org.hazardstream.core.report;

import java.util.Locale;

import org.hazardstream.core.data.BadInputException;

/** The table formats, by the name used in URLs (?format=markdown) and options. */
public enum TableFormat {
    TEXT(new TextRenderer()),
    MARKDOWN(new MarkdownRenderer()),
    LATEX(new LatexRenderer()),
    CSV(new CsvRenderer());

    private final TableRenderer renderer;

    TableFormat(TableRenderer renderer) {
        this.renderer = renderer;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public TableRenderer renderer() {
        return renderer;
    }

    public static TableFormat fromId(String id) {
        for (TableFormat f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new BadInputException("format '" + id + "' (expected text, markdown, latex or csv)");
    }
}
