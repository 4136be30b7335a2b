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
        assertThatThrownBy(() -> table.numeric("x")).isInstanceOf(BadInputException.class)
                .hasMessage("data.csv: row 3, column 'x': 'abc' is not a number");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsNamed() {
        assertThatThrownBy(() -> parse("id,x\n1,2\n2,3\n3,4,5\n")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("data.csv: row 3 has 3 fields");
    }

    @Test
    void anUnknownColumnListsTheColumnsThereAre() {
        assertThatThrownBy(() -> parse("id,x\n1,2\n").numeric("y")).isInstanceOf(BadInputException.class)
                .hasMessage("data.csv: no column 'y' (columns: id, x)");
    }
}
