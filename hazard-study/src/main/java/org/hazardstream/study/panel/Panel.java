package org.hazardstream.study.panel;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.data.PlainDecimal;
import org.hazardstream.study.CsvText;

/**
 * The city-day risk set of panel-contract.md: rows ordered by city_id (compared as text) then day, and the cities
 * left out because they adopted before the window.
 *
 * @param rows           the rows, put in contract order here
 * @param excludedCities ids of cities that adopted before the window start, in text order
 */
public record Panel(List<PanelRow> rows, List<String> excludedCities) {

    public static final Comparator<PanelRow> ROW_ORDER =
            Comparator.comparing(PanelRow::cityId).thenComparingInt(PanelRow::day);

    public Panel {
        List<PanelRow> sorted = new ArrayList<>(rows);
        sorted.sort(ROW_ORDER);
        rows = List.copyOf(sorted);
        excludedCities = excludedCities.stream().sorted().toList();
    }

    /** Rows with an event (event code > 0). */
    public int events() {
        return (int) rows.stream().filter(r -> r.event() > 0).count();
    }

    /** Cities with at least one row. */
    public int cities() {
        return (int) rows.stream().map(PanelRow::cityId).distinct().count();
    }

    /** The panel as CSV: header row, then one line per row, '\n' line ends, missing covariates as empty fields. */
    public void writeCsv(Writer out) throws IOException {
        out.write(String.join(",", PanelRow.COLUMNS));
        out.write('\n');
        for (PanelRow row : rows) {
            String[] fields = row.toFields();
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(CsvText.quote(fields[i]));
            }
            out.write('\n');
        }
    }

    public String toCsv() {
        return CsvText.of(this::writeCsv);
    }

    /** The panel as a long-format table for the fitters (subject id column city_id). */
    public DataTable toDataTable() {
        DataTable.Rows table = DataTable.rows("panel", PanelRow.COLUMNS);
        for (PanelRow row : rows) {
            table.text(row.cityId())
                    .text(row.provinceId())
                    .number(row.day())
                    .text(row.date().toString())
                    .number(row.start())
                    .number(row.stop())
                    .number(row.event());
            for (Double covariate : row.covariates()) {
                if (covariate == null) {
                    table.missing();
                } else {
                    table.number(covariate);
                }
            }
            table.endRow();
        }
        return table.build();
    }

    /** A number as panels write it: see {@link PlainDecimal#format}. */
    public static String formatNumber(double value) {
        return PlainDecimal.format(value);
    }
}
