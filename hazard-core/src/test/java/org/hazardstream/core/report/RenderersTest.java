package org.hazardstream.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hazardstream.core.fit.FitResult;
import org.junit.jupiter.api.Test;

class RenderersTest {

    private final RegressionTable cox = RegressionTable.of(Fits.cox());

    private static ComparisonTable comparison() {
        Map<String, FitResult> specs = new LinkedHashMap<>();
        specs.put("cox", Fits.cox());
        specs.put("logit", Fits.logit());
        return ComparisonTable.of(specs);
    }

    @Test
    void theTableModelCarriesTermsFooterAndStars() {
        assertThat(cox.robust()).isTrue();
        assertThat(cox.ratioLabel()).isEqualTo("HR");
        assertThat(RegressionTable.of(Fits.logit()).ratioLabel()).isEqualTo("OR");
        assertThat(cox.rows()).extracting(RegressionTable.Row::stars).containsExactly("**", "", "");
        assertThat(cox.rows().get(0).usedStdError()).isEqualTo(0.13);
        assertThat(cox.footer().n()).isEqualTo(3626);
        assertThat(cox.footer().likelihoodRatio().df()).isEqualTo(16);
    }

    @Test
    void textIsLaidOutLikeRsSummaryOfCoxph() {
        String text = new TextRenderer().render(cox);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(1)).isEqualTo("  n= 3626, number of events= 118, rows left out (missing values)= 2");
        String header =
                lines.stream().filter(l -> l.contains("Pr(>|z|)")).findFirst().orElseThrow();
        String salience = lines.stream()
                .filter(l -> l.startsWith("salience "))
                .findFirst()
                .orElseThrow();
        assertThat(header).contains("coef", "exp(coef)", "se(coef)", "robust se", "z");
        assertThat(salience.split(" +"))
                .containsExactly("salience", "0.41", "1.507", "0.12", "0.13", "3.154", "0.00161", "**");
        // right-aligned columns: each header label ends where its values end
        assertThat(salience.indexOf("0.00161") + "0.00161".length())
                .isEqualTo(header.indexOf("Pr(>|z|)") + "Pr(>|z|)".length());
        assertThat(lines).anyMatch(l -> l.startsWith("central_policy") && l.contains("NA"));
        assertThat(text)
                .contains(
                        Stars.LEGEND,
                        "Concordance= 0.812",
                        "Likelihood ratio test= 117.7  on 16 df,   p=<2e-16",
                        "Score (logrank) test = 120.3  on 16 df,   p=4e-04",
                        "Warning: central_policy: not estimable");
        assertThat(lines).anyMatch(l -> l.matches("salience +1\\.507 +0\\.6637 +1\\.167 +1\\.944"));
    }

    @Test
    void textWithoutRobustSeHasNoRobustColumn() {
        String text = new TextRenderer().render(RegressionTable.of(Fits.logit()));
        assertThat(text).doesNotContain("robust se").contains("(Intercept)").doesNotContain("Concordance");
        assertThat(text).contains("Likelihood ratio test= 119.5  on 3 df,   p=<2e-16");
    }

    @Test
    void markdownIsAValidTableWithEscapedText() {
        String md = new MarkdownRenderer().render(cox);
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        assertThat(rows).hasSize(2 + 3);
        long columns = rows.get(0).chars().filter(c -> c == '|').count();
        assertThat(rows)
                .allMatch(
                        r -> r.replace("\\|", "").chars().filter(c -> c == '|').count() == columns);
        assertThat(rows.get(0)).isEqualTo("| Term | Estimate | SE | Robust SE | z | p |  | HR | 95% CI |");
        assertThat(rows.get(2))
                .isEqualTo("| salience | 0.41 | 0.12 | 0.13 | 3.154 | 0.00161 | \\*\\* | 1.507 | [1.167, 1.944] |");
        assertThat(rows.get(3)).startsWith("| cumulative\\_cases | -1.23e-05 |");
        assertThat(rows.get(4)).startsWith("| central\\_policy | NA |");
        assertThat(md).contains("n = 3626, events = 118", "likelihood-ratio test 117.7 on 16 df (p = <2e-16)");
    }

    @Test
    void latexEscapesSpecialCharactersAndKeepsColumnsEven() {
        String tex = new LatexRenderer().render(cox);
        assertThat(tex).startsWith("\\begin{table}[ht]").endsWith("\\end{tabular}\n\\end{table}\n");
        assertThat(tex).contains("central\\_policy", "cumulative\\_cases", "95\\% CI", "$^{**}$");
        assertThat(tex).doesNotContain("central_policy");
        List<String> body = tex.lines()
                .filter(l -> l.endsWith("\\\\") && !l.startsWith("\\multicolumn"))
                .toList();
        assertThat(body)
                .hasSize(1 + 3)
                .allMatch(l -> l.chars().filter(c -> c == '&').count() == 8);
        assertThat(LatexRenderer.escape("a_b & 50% {x} $y #1 ~^\\"))
                .isEqualTo("a\\_b \\& 50\\% \\{x\\} \\$y \\#1 \\textasciitilde{}\\textasciicircum{}\\textbackslash{}");
    }

    @Test
    void csvReadsBackToTheSameNumbers() throws IOException {
        String csv = new CsvRenderer().render(cox);
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        CSVRecord salience = records.get(0);
        assertThat(salience.get("section")).isEqualTo("coefficient");
        assertThat(Double.parseDouble(salience.get("estimate"))).isEqualTo(0.41);
        assertThat(Double.parseDouble(salience.get("p_value"))).isEqualTo(0.0016123);
        assertThat(salience.get("stars")).isEqualTo("**");
        assertThat(records.get(2).get("estimate")).as("not estimable").isEmpty();
        Map<String, String> model = new LinkedHashMap<>();
        records.stream()
                .filter(r -> r.get("section").equals("model"))
                .forEach(r -> model.put(r.get("term"), r.get("estimate")));
        assertThat(model)
                .containsEntry("n", "3626")
                .containsEntry("events", "118")
                .containsEntry("log_likelihood", "-401.2345")
                .containsEntry("lr_df", "16")
                .containsEntry("concordance", "0.8123");
    }

    @Test
    void comparisonHasTheUnionOfTermsAndRobustSes() {
        ComparisonTable table = comparison();
        assertThat(table.specs()).containsExactly("cox", "logit");
        assertThat(table.rows())
                .extracting(ComparisonTable.TermRow::term)
                .containsExactly("salience", "cumulative_cases", "central_policy", "(Intercept)", "period2");
        ComparisonTable.TermRow salience = table.rows().get(0);
        assertThat(salience.cells().get(0).stdError()).as("robust").isEqualTo(0.13);
        assertThat(salience.cells().get(1).stdError()).isEqualTo(0.1);
        assertThat(table.rows().get(3).cells().get(0))
                .as("cox has no intercept")
                .isNull();
    }

    @Test
    void comparisonRenderersPutEstimateStarsOverSe() throws IOException {
        String text = new TextRenderer().render(comparison());
        assertThat(text)
                .containsPattern("salience +0\\.410\\*\\* +0\\.350\\*\\*\\*")
                .containsPattern("\\n +\\(0\\.130\\) +\\(0\\.100\\)\\n")
                .containsPattern("N +3626 +3626")
                .containsPattern("Events +118 +118")
                .contains(Cells.NOTE);
        String md = new MarkdownRenderer().render(comparison());
        assertThat(md)
                .contains(
                        "|  | cox | logit |",
                        "| salience | 0.410\\*\\* | 0.350\\*\\*\\* |",
                        "|  | (0.130) | (0.100) |",
                        "| (Intercept) |  | -4.200\\*\\*\\* |",
                        "| N | 3626 | 3626 |");
        String tex = new LatexRenderer().render(comparison());
        assertThat(tex).contains("salience & $0.410$$^{**}$ & $0.350$$^{***}$ \\\\", " & (0.130) & (0.100) \\\\");
        List<CSVRecord> csv = CSVFormat.DEFAULT
                .parse(new StringReader(new CsvRenderer().render(comparison())))
                .getRecords();
        assertThat(csv.get(0).values()).containsExactly("term", "cox", "logit");
        assertThat(csv.get(1).values()).containsExactly("salience", "0.410**", "0.350***");
        assertThat(csv.get(2).values()).containsExactly("", "(0.130)", "(0.100)");
        assertThat(csv.get(csv.size() - 5).values()).containsExactly("N", "3626", "3626");
    }

    @Test
    void pceTablesShowTheBaselineOfEachPeriod() throws IOException {
        RegressionTable pce = RegressionTable.of("pce-study", Fits.pce());
        assertThat(pce.ratioLabel()).isEqualTo("RR");
        assertThat(pce.title()).isEqualTo("pce-study");
        assertThat(new TextRenderer().render(pce))
                .startsWith("pce-study (pce)\n")
                .containsPattern("\\n1 +0 +28 +-4\\.25\\n2 +28 +60 +-3\\.5\\n");
        assertThat(new MarkdownRenderer().render(pce)).contains("| 1 | 0 | 28 | -4.25 |", "| 2 | 28 | 60 | -3.5 |");
        assertThat(new LatexRenderer().render(pce)).contains("Log baseline hazard, period 2 (28, 60]: $-3.5$");
        List<CSVRecord> csv = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new CsvRenderer().render(pce)))
                .getRecords();
        assertThat(csv)
                .anyMatch(r -> r.get("term").equals("log_baseline_hazard_period_1")
                        && r.get("estimate").equals("-4.25"));
        assertThat(new TextRenderer().render(cox)).doesNotContain("Baseline");
    }

    @Test
    void formatsAreFoundByName() {
        assertThat(TableFormat.fromId("markdown").renderer()).isInstanceOf(MarkdownRenderer.class);
        assertThat(TableFormat.fromId("csv").renderer().mediaType()).isEqualTo("text/csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TableFormat.fromId("html"))
                .hasMessageContaining("html");
    }
}
