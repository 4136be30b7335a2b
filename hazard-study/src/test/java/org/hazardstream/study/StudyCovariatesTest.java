package org.hazardstream.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.hazardstream.core.data.BadInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every covariate kind of study-contract.md worked by hand on a four-unit yearly study (S = 2000, E = 2004, lag 1,
 * so period t = 1..5 reads the year before it):
 *
 * <pre>
 * unit  group  events          neighbours   obs (x, y)
 * A     g1     2002, mode 2    B            1999: x=1; 2001: y=4
 * B     g1     2003, mode 1    A, D         -
 * C     g2     -               -            2000: x=3, y=0
 * D     g1     1998, mode 1    B            -           (before S: excluded, but counted by its peers)
 * groups: g1 reached 2001, budget 5; g2 has no record. nat (z): 1999: 0; 2002: 1 (the clock stream).
 * </pre>
 */
class StudyCovariatesTest {

    private static final String DEFINITION = """
            {
              "id": "toy", "title": "A hand-worked study",
              "unit": { "name": "unit", "id": "unit_id", "groups": ["grp"] },
              "time": { "unit": "year", "start": 2000, "end": 2004, "lag": 1, "clock": "nat" },
              "outcome": { "stream": "events", "modes": [ { "code": 1, "label": "one" }, { "code": 2, "label": "two" } ] },
              "streams": [
                { "name": "units", "kind": "units", "columns": [
                  { "name": "unit_id", "type": "text", "required": true },
                  { "name": "grp", "type": "text", "required": true },
                  { "name": "size", "type": "number" } ] },
                { "name": "groups", "kind": "groups", "group": "grp", "columns": [
                  { "name": "grp", "type": "text", "required": true },
                  { "name": "reached", "type": "year" },
                  { "name": "budget", "type": "number" } ] },
                { "name": "edges", "kind": "adjacency", "pair": ["u", "v"], "connected": "connected", "columns": [
                  { "name": "u", "type": "text", "required": true },
                  { "name": "v", "type": "text", "required": true },
                  { "name": "connected", "type": "code", "codes": [0, 1] } ] },
                { "name": "obs", "kind": "unit-series", "time": "year", "columns": [
                  { "name": "unit_id", "type": "text", "required": true },
                  { "name": "year", "type": "year", "required": true },
                  { "name": "x", "type": "number" },
                  { "name": "y", "type": "number" } ] },
                { "name": "nat", "kind": "global-series", "time": "year", "columns": [
                  { "name": "year", "type": "year", "required": true },
                  { "name": "z", "type": "number" } ] },
                { "name": "events", "kind": "events", "time": "year", "mode": "mode", "columns": [
                  { "name": "unit_id", "type": "text", "required": true },
                  { "name": "year", "type": "year" },
                  { "name": "mode", "type": "code", "codes": [1, 2] } ] }
              ],
              "covariates": [
                { "name": "size", "kind": "attribute", "column": "size" },
                { "name": "budget", "kind": "group-attribute", "group": "grp", "column": "budget" },
                { "name": "reached", "kind": "group-reached", "group": "grp", "column": "reached" },
                { "name": "x", "kind": "series", "stream": "obs", "column": "x" },
                { "name": "y", "kind": "series", "stream": "obs", "column": "y" },
                { "name": "z", "kind": "global", "stream": "nat", "column": "z" },
                { "name": "peers", "kind": "peers-adopted", "group": "grp", "measure": "count" },
                { "name": "peer_share", "kind": "peers-adopted", "group": "grp", "measure": "share" },
                { "name": "peers_two", "kind": "peers-adopted", "group": "grp", "measure": "count", "mode": 2 },
                { "name": "near", "kind": "neighbours-adopted", "measure": "count" },
                { "name": "near_share", "kind": "neighbours-adopted", "measure": "share" },
                { "name": "ratio", "kind": "expression", "formula": "x / y" },
                { "name": "log_x", "kind": "expression", "formula": "log(x - 1)" },
                { "name": "mixed", "kind": "expression", "formula": "-min(x, 2) + 10 * max(peers, near, 0.5) / 4" }
              ],
              "specs": []
            }
            """;

    private static final double NA = Double.NaN;

    private StudyRecords records;

    @BeforeEach
    void records() {
        records = new StudyRecords(StudyDefinitions.parse(DEFINITION, "toy"));
        for (String[] unit : new String[][] {{"A", "g1", "10"}, {"B", "g1", ""}, {"C", "g2", "7.5"}, {"D", "g1", ""}}) {
            records.apply("units", fields("unit_id", unit[0], "grp", unit[1], "size", unit[2]));
        }
        records.apply("groups", fields("grp", "g1", "reached", "2001", "budget", "5"));
        records.apply("edges", fields("u", "A", "v", "B", "connected", ""));
        records.apply("edges", fields("u", "D", "v", "B", "connected", "1"));
        records.apply("edges", fields("u", "C", "v", "B", "connected", "1"));
        records.apply("edges", fields("u", "B", "v", "C", "connected", "0")); // (B, C) is (C, B): removed again
        records.apply("obs", fields("unit_id", "A", "year", "1999", "x", "1", "y", ""));
        records.apply("obs", fields("unit_id", "A", "year", "2001", "x", "", "y", "4"));
        records.apply("obs", fields("unit_id", "C", "year", "2000", "x", "3", "y", "0"));
        records.apply("nat", fields("year", "1999", "z", "0"));
        records.apply("nat", fields("year", "2002", "z", "1"));
        records.apply("events", fields("unit_id", "A", "year", "2002", "mode", "2"));
        records.apply("events", fields("unit_id", "B", "year", "2003", "mode", "1"));
        records.apply("events", fields("unit_id", "D", "year", "1998", "mode", "1"));
        records.apply("events", fields("unit_id", "C", "year", "2001", "mode", "1"));
        records.apply("events", fields("unit_id", "C", "year", "", "mode", "")); // withdrawn
    }

    @Test
    void theClockStreamSetsTheDataThroughTimeAndAnEventAfterItIsNotYetAnEvent() {
        StudyPanel panel = StudyPanelBuilder.build(records, null);
        assertThat(panel.dataThrough()).isEqualTo("2002");
        assertThat(panel.excludedUnits()).containsExactly("D");
        assertThat(panel.columns()).startsWith("unit_id", "grp", "period", "year", "start", "stop", "event", "size");
        assertThat(panel.rows())
                .extracting(r -> r.unitId() + r.period() + ":" + r.event())
                .containsExactly("A1:0", "A2:0", "A3:2", "B1:0", "B2:0", "B3:0", "C1:0", "C2:0", "C3:0");

        records.apply("nat", fields("year", "2004", "z", ""));
        panel = StudyPanelBuilder.build(records, null);
        assertThat(panel.rows())
                .extracting(r -> r.unitId() + r.period() + ":" + r.event())
                .containsExactly(
                        "A1:0", "A2:0", "A3:2", "B1:0", "B2:0", "B3:0", "B4:1", "C1:0", "C2:0", "C3:0", "C4:0", "C5:0");
        assertThat(StudyPanelBuilder.build(records, "2001").rows()).hasSize(6);
        assertThat(StudyPanelBuilder.build(records, "2010").dataThrough()).isEqualTo("2004");
    }

    @Test
    void everyKindByHand() {
        records.apply("nat", fields("year", "2004", "z", ""));
        Map<String, double[]> rows = byRow(StudyPanelBuilder.build(records, null));
        //                                size budget reached x  y   z  peers share two near nshare ratio  log_x mixed
        assertRow(rows, "A1", 10, 5, 0, 1, NA, 0, 1, 0.5, 0, 0, 0, NA, NA, -1 + 10 * 1.0 / 4);
        assertRow(rows, "A2", 10, 5, 0, 1, NA, 0, 1, 0.5, 0, 0, 0, NA, NA, -1 + 2.5);
        assertRow(rows, "A3", 10, 5, 1, 1, 4, 0, 1, 0.5, 0, 0, 0, 0.25, NA, -1 + 2.5);
        // B's peers are A and D; its neighbours A and D (D adopted before the window: it still counts)
        assertRow(rows, "B1", NA, 5, 0, NA, NA, 0, 1, 0.5, 0, 1, 0.5, NA, NA, NA);
        assertRow(rows, "B3", NA, 5, 1, NA, NA, 0, 1, 0.5, 0, 1, 0.5, NA, NA, NA);
        assertRow(rows, "B4", NA, 5, 1, NA, NA, 1, 2, 1.0, 1, 2, 1.0, NA, NA, NA);
        // C: a group of one with no groups record, and no neighbour left; y = 0 makes the ratio missing
        assertRow(rows, "C1", 7.5, NA, 0, NA, NA, 0, 0, 0, 0, 0, 0, NA, NA, NA);
        assertRow(rows, "C2", 7.5, NA, 0, 3, 0, 0, 0, 0, 0, 0, 0, NA, Math.log(2), -2 + 10 * 0.5 / 4);
        assertRow(rows, "C5", 7.5, NA, 0, 3, 0, 1, 0, 0, 0, 0, 0, NA, Math.log(2), -2 + 1.25);
    }

    @Test
    void aRecordNamingAnUnknownUnitOrBreakingItsStreamsRulesIsRefused() {
        assertThatThrownBy(() -> records.apply("obs", fields("unit_id", "Q", "year", "2001", "x", "1", "y", "")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("column 'unit_id': unknown unit 'Q' (not in units)");
        assertThatThrownBy(() -> records.apply("edges", fields("u", "A", "v", "A", "connected", "")))
                .hasMessageContaining("an edge from unit 'A' to itself");
        assertThatThrownBy(() -> records.apply("events", fields("unit_id", "A", "year", "2001", "mode", "")))
                .hasMessageContaining("an event needs both year and mode");
        assertThatThrownBy(() -> records.apply("events", fields("unit_id", "A", "year", "2001", "mode", "3")))
                .hasMessageContaining("column 'mode': unknown mode '3' (1 = one, 2 = two)");
        assertThatThrownBy(() -> records.apply("edges", fields("u", "A", "v", "C", "connected", "2")))
                .hasMessageContaining("column 'connected': unknown code '2' in connected (codes: 0, 1)");
        assertThatThrownBy(() -> records.apply("obs", fields("unit_id", "A", "year", "2001.5", "x", "1", "y", "")))
                .hasMessageContaining("column 'year': '2001.5' is not a year");
        assertThatThrownBy(() -> records.apply("obs", fields("unit_id", "A", "year", "2001", "x", "NaN", "y", "")))
                .hasMessageContaining("column 'x': 'NaN' is not a number");
        assertThatThrownBy(() -> records.apply("obs", fields("unit_id", "A", "year", "2001", "w", "1")))
                .hasMessageContaining("column 'x': missing column")
                .hasMessageContaining("column 'w': unknown column");
        assertThatThrownBy(() -> records.apply("rivers", fields("unit_id", "A")))
                .hasMessageContaining("unknown stream 'rivers'");
    }

    @Test
    void aLaterRecordWithTheSameKeyReplacesTheEarlierWholeAndTimesAreOneKeyHoweverWritten() {
        records.apply("obs", fields("unit_id", "A", "year", "1999.0", "x", "", "y", "2"));
        assertThat(records.records("obs")).hasSize(3);
        Map<String, double[]> rows = byRow(StudyPanelBuilder.build(records, null));
        assertThat(rows.get("A1")[3]).isNaN(); // x of 1999 is gone with the record it was in
        assertThat(rows.get("A1")[4]).isEqualTo(2);
    }

    @Test
    void unitsAreInCodePointOrder() {
        List<String> ids = List.of("\uD83D\uDE00", "\uFF61", "b", "B");
        TreeSet<String> ordered = new TreeSet<>(StudyPanelBuilder.CODE_POINT_ORDER);
        ordered.addAll(ids);
        assertThat(ordered).containsExactly("B", "b", "\uFF61", "\uD83D\uDE00");
        assertThat(new TreeSet<>(ids)).containsExactly("B", "b", "\uD83D\uDE00", "\uFF61"); // UTF-16 order differs
    }

    @Test
    void theCsvWritesMissingAsEmptyAndNumbersInTheirShortestForm() {
        records.apply("nat", fields("year", "2004", "z", ""));
        String csv = StudyPanelBuilder.build(records, null).toCsv();
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("unit_id,grp,period,year,start,stop,event,size,"
                        + "budget,reached,x,y,z,peers,peer_share,peers_two,near,near_share,ratio,log_x,mixed");
        assertThat(csv.lines())
                .contains(
                        "A,g1,3,2002,2,3,2,10,5,1,1,4,0,1,0.5,0,0,0,0.25,,1.5",
                        "C,g2,2,2001,1,2,0,7.5,,0,3,0,0,0,0,0,0,0,,0.6931471805599453,-0.75");
    }

    private static void assertRow(Map<String, double[]> rows, String row, double... expected) {
        assertThat(rows).containsKey(row);
        assertThat(Arrays.stream(rows.get(row)).boxed().toList())
                .as(row)
                .isEqualTo(Arrays.stream(expected).boxed().toList());
    }

    private static Map<String, double[]> byRow(StudyPanel panel) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        panel.rows().forEach(r -> rows.put(r.unitId() + r.period(), r.covariates()));
        return rows;
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
