package org.hazardstream.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

class DataTableTest {

    private static DataTable parse(String csv) {
        return DataTable.parse(new StringReader(csv), "data.csv");
    }

    @Test
    void emptyFieldsAreMissingValues() {
        DataTable table = parse("id,x,label\n1,2.5,a\n2,,\n");
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.numeric("x")).containsExactly(2.5, Double.NaN);
        assertThat(table.text("label")).containsExactly("a", null);
    }

    @Test
    void aValueThatIsNotANumberNamesRowAndColumn() {
        DataTable table = parse("id,x\n1,2\n2,3\n3,abc\n");
        assertThatThrownBy(() -> table.numeric("x"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("data.csv: row 3, column 'x': 'abc' is not a number");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsNamed() {
        assertThatThrownBy(() -> parse("id,x\n1,2\n2,3\n3,4,5\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("data.csv: row 3 has 3 fields");
    }

    @Test
    void anUnknownColumnListsTheColumnsThereAre() {
        assertThatThrownBy(() -> parse("id,x\n1,2\n").numeric("y"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("data.csv: no column 'y' (columns: id, x)");
    }

    @Test
    void numericColumnsReadAsTextGiveTheNumbersShortestForm() {
        DataTable table = parse("id,x\n110000,1.50\n7.0,\n");
        assertThat(table.text("id")).containsExactly("110000", "7");
        assertThat(table.text("x")).containsExactly("1.5", null);
    }

    @Test
    void aColumnWithTextKeepsEveryValueAsWritten() {
        DataTable table = parse("id,x\n007,1\nA1,NaN\n");
        assertThat(table.text("id")).containsExactly("7", "A1");
        assertThatThrownBy(() -> table.numeric("x"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("data.csv: row 2, column 'x': 'NaN' is not a finite number");
        assertThatThrownBy(() -> table.numeric("id"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("data.csv: row 2, column 'id': 'A1' is not a number");
    }

    @Test
    void missingValuesMayBeEmptyOrNa() {
        DataTable table = DataTable.rows("rows", java.util.List.of("a", "b"))
                .text("1")
                .missing()
                .endRow()
                .text("NA")
                .text("x")
                .endRow()
                .build();
        assertThat(table.numeric("a")).containsExactly(1.0, Double.NaN);
        assertThat(table.text("b")).containsExactly(null, "x");
    }

    @Test
    void aTableGivenColumnByColumnIsTheTableReadFromTheSameCsv() {
        DataTable csv = DataTable.parse(new StringReader("""
                id,date,x,label
                110000,2020-02-01,0.5,a
                7,2020-02-02,,7.0
                """), "t");
        DataTable columns = DataTable.columns("t", 2)
                .text("id", new String[] {"110000", "7"})
                .text("date", new String[] {"2020-02-01", "2020-02-02"})
                .numbers("x", new double[] {0.5, Double.NaN})
                .text("label", new String[] {"a", "7.0"})
                .build();

        assertThat(columns.columns()).isEqualTo(csv.columns());
        for (String column : csv.columns()) {
            assertThat(columns.text(column)).as(column).containsExactly(csv.text(column));
        }
        assertThat(columns.numeric("id")).containsExactly(csv.numeric("id"));
        assertThat(columns.numeric("x")).containsExactly(csv.numeric("x"));
        assertThatThrownBy(() -> DataTable.columns("t", 2).numbers("x", new double[3]))
                .hasMessageContaining("column 'x' has 3 values, the table 2 rows");
    }

    @Test
    void numbersFollowTheOneGrammarOfEveryReader() {
        DataTable t = parse("x,y\n7d,1e400\n0x1p3,2\n");

        assertThat(t.text("x")).containsExactly("7d", "0x1p3");
        assertThatThrownBy(() -> t.numeric("x")).hasMessage("data.csv: row 1, column 'x': '7d' is not a number");
        assertThatThrownBy(() -> t.numeric("y"))
                .hasMessage("data.csv: row 1, column 'y': '1e400' is not a finite number");
    }
}
