package org.hazardstream.study;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.hazardstream.core.data.DataTable;
import org.hazardstream.core.data.PlainDecimal;

/**
 * A study's observed unit-period panel (study-contract.md, "Risk set and panel"): rows in unit order (text by code
 * point), then period; columns the unit id, the group columns, the period index, the time, start, stop, event, then
 * the covariates in declared order.
 *
 * @param dataThrough the data-through time D as the panel writes times, or null while nothing is observed
 */
public record StudyPanel(List<String> columns, List<Row> rows, List<String> excludedUnits, String dataThrough) {

    /** One unit-period row; a missing covariate is NaN. */
    public record Row(String unitId, List<String> groups, int period, String time, int event, double[] covariates) {}

    public StudyPanel {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        excludedUnits = List.copyOf(excludedUnits);
    }

    /** The panel columns of a study, in order. */
    public static List<String> columnsOf(StudyDefinition study) {
        List<String> columns = new ArrayList<>();
        columns.add(study.unit().id());
        columns.addAll(study.unit().groups());
        columns.addAll(List.of(
                study.time().unit().periodColumn(), study.time().unit().timeColumn(), "start", "stop", "event"));
        columns.addAll(study.covariateNames());
        return columns;
    }

    public int events() {
        return (int) rows.stream().filter(r -> r.event() > 0).count();
    }

    public int units() {
        return (int) rows.stream().map(Row::unitId).distinct().count();
    }

    public void writeCsv(Writer out) throws IOException {
        out.write(String.join(",", columns.stream().map(CsvText::quote).toList()));
        out.write('\n');
        StringBuilder line = new StringBuilder();
        for (Row row : rows) {
            line.setLength(0);
            line.append(CsvText.quote(row.unitId()));
            for (String group : row.groups()) {
                line.append(',').append(CsvText.quote(group));
            }
            line.append(',')
                    .append(row.period())
                    .append(',')
                    .append(row.time())
                    .append(',')
                    .append(row.period() - 1)
                    .append(',')
                    .append(row.period())
                    .append(',')
                    .append(row.event());
            for (double value : row.covariates()) {
                line.append(',');
                if (!Double.isNaN(value)) {
                    line.append(PlainDecimal.format(value));
                }
            }
            line.append('\n');
            out.write(line.toString());
        }
    }

    public String toCsv() {
        return CsvText.of(this::writeCsv);
    }

    /** The panel as a long-format table for the fitters. */
    public DataTable toDataTable() {
        DataTable.Rows table = DataTable.rows("panel", columns);
        for (Row row : rows) {
            table.text(row.unitId());
            row.groups().forEach(table::text);
            table.number(row.period())
                    .text(row.time())
                    .number(row.period() - 1)
                    .number(row.period())
                    .number(row.event());
            for (double value : row.covariates()) {
                if (Double.isNaN(value)) {
                    table.missing();
                } else {
                    table.number(value);
                }
            }
            table.endRow();
        }
        return table.build();
    }
}
