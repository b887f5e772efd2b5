package dev.doppel.adapter.web.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.dataset.DatasetName;
import dev.doppel.domain.dataset.DatasetProfile;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.dataset.StoredFile;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report of a stored evaluation: what it says, what it draws, and that data never becomes markup. */
class EvaluationReportPageTest {
  private static final String HOSTILE = "<script>alert('x')</script>";
  private static final Instant TRAINED = Instant.parse("2026-03-01T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A report as the engine writes it, with every part the page knows and a column named like a script. */
  private static final String FULL =
      """
      {"metrics_engine": "doppel",
       "quality": {"score": 0.93, "column_shapes": 0.95, "column_pair_trends": 0.91,
                   "columns": [{"column": "fare", "metric": "KSComplement", "score": 0.9}]},
       "fidelity": {"columns": [
          {"column": "fare", "metric": "KSComplement", "score": 0.9},
          {"column": "<script>alert('x')</script>", "metric": "TVComplement", "score": 0.97},
          {"column": "ride_id", "reason": "an id column: unique by construction"}]},
       "quality_check": {"computed": true, "sdmetrics_detected_score": 0.91, "difference": -0.02, "agrees": true,
                         "columns_typed_differently": [{"column": "passengers", "platform_type": "integer", "detected_sdtype": "categorical",
                                                        "why": "the platform scores it with KSComplement, sdmetrics scores it with TVComplement"}]},
       "diagnostic": {"score": 0.99},
       "privacy": {"score": 0.38, "dcr_baseline_protection": 0.38, "exact_copy_share": 0.0, "exact_copies_of_training": 0.0,
                   "holdout_copies_of_training": 0.001,
                   "holdout": {"dcr_share": 0.51, "median_nndr": 0.93, "median_dcr_training": 0.1, "median_dcr_holdout": 0.11, "rows": 2000},
                   "verdict": {"level": "good", "text": "0.0% of synthetic rows are exact copies of training rows & none <b>leak</b>."},
                   "attacks": {"attacks": 200, "singling_out": {"risk": 0.02, "ci": [0.01, 0.03]}, "linkability": {"risk": 0.0, "ci": [0.0, 0.01]}}},
       "detection": {"score": 0.29, "auc": 0.853, "classifier": "HistGradientBoostingClassifier", "folds": 5, "rows_per_side": 5000, "real_rows": "holdout",
                     "gives_away_auc": 0.6,
                     "columns": [{"column": "fare", "auc": 0.94, "gives_away": true}, {"column": "<script>alert('x')</script>", "auc": 0.7, "gives_away": true},
                                 {"column": "tip", "auc": 0.51, "gives_away": false}],
                     "pairs": [{"columns": ["fare", "<script>alert('x')</script>"], "auc": 0.96, "gives_away": true}],
                     "verdict": {"level": "very_poor", "text": "The engine reads this: fare gives rows away."}},
       "utility": {"target": "payment", "metric": "roc_auc", "training": 0.8, "synthetic": 0.79, "ratio": 0.9875, "test_rows": 6512},
       "rules": [{"id": "r1", "kind": "linear", "columns": ["total", "fare", "tip"], "text": "total = fare + tip + a surcharge from a few values",
                  "real_share": 1.0, "synthetic_share": 0.93}],
       "charts": {"histograms": [
          {"column": "fare", "kind": "numeric", "bins": [0, 25, 50], "real": [0.7, 0.3], "synthetic": [0.6, 0.4], "real_null_share": 0, "synthetic_null_share": 0},
          {"column": "<script>alert('x')</script>", "kind": "categorical", "bins": ["<img src=x onerror=alert(1)>", "(other)"], "real": [0.5, 0.5],
           "synthetic": [0.45, 0.5], "real_null_share": 0, "synthetic_null_share": 0.05},
          {"column": "tip", "kind": "numeric", "bins": [0, 1, 2], "real": [0.5, 0.5], "synthetic": [0.5, 0.5], "real_null_share": 0, "synthetic_null_share": 0}]},
       "sampling": {"real_rows": 6433, "synthetic_rows": 20000, "cap": 20000, "subsampled": false, "holdout_rows": 1286},
       "skipped_columns": ["ride_id"], "ignored_synthetic_columns": ["is_anomaly"], "timings": {"total_s": 12.5}}
      """;

  /** What evaluations stored before realism was measured hold. */
  private static final String OLD =
      """
      {"quality": {"score": 0.9, "column_shapes": 0.92, "column_pair_trends": 0.88, "columns": [], "pairs": []},
       "privacy": {"score": 0.8, "dcr_baseline_protection": 0.8, "exact_copy_share": 0.0},
       "charts": {"histograms": [], "correlation": {"columns": ["a"], "real": [], "synthetic": []}}}
      """;

  private final SynthesisModel model =
      SynthesisModel.pending(
              new ModelId(7), new NewModel(new DatasetId(3), new Algorithm("GaussianCopula"), new TrainingSettings(Map.of("default_distribution", "beta")),
                  Optional.of(11L), TRAINED))
          .start("models/7", TRAINED)
          .complete(new TrainingSummary(1.5, Map.of(), List.of()), TRAINED);
  private final Dataset dataset =
      new Dataset(
          new DatasetId(3), new ProjectId(1), new DatasetName("<b>taxis</b>.csv"),
          new StoredFile("datasets/3/table.csv", FileFormat.CSV, ',', Optional.empty(), 10, "0".repeat(64)), new DatasetProfile(8041, List.of()), TRAINED);

  private String render(String document) throws Exception {
    JsonNode report = JSON.readTree(document);
    Evaluation evaluation = Evaluation.requested(model.id(), TRAINED).start(TRAINED).complete(new EvaluationReport(0.9, 0.8, document), TRAINED.plusSeconds(60));
    return EvaluationReportPage.render(model, dataset, evaluation, report);
  }

  @Test
  void escapesEveryTextThatComesFromData() throws Exception {
    String page = render(FULL);

    assertThat(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img").doesNotContain("<b>");
    assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;taxis&lt;/b&gt;.csv", "&amp; none &lt;b&gt;leak&lt;/b&gt;.");
    assertThat(page).contains("aria-label=\"Real and synthetic distribution of &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\"");
  }

  @Test
  void loadsNothingAndRunsNothing() throws Exception {
    String page = render(FULL);

    // Data cannot open a tag (escapesEveryTextThatComesFromData), so any tag here is the page's own.
    assertThat(page).doesNotContainPattern("<[^>]*\\s(src|href|on[a-z]+)\\s*=").doesNotContain("url(", "@import", "http:", "https:");
    assertThat(page).doesNotContain("<script", "<link", "<iframe", "<object", "<embed", "<img");
    assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
  }

  @Test
  void leadsWithRealismUtilityAndPrivacyInPlainWords() throws Exception {
    String page = render(FULL);
    String headline = page.substring(page.indexOf("id=\"headline\""), page.indexOf("id=\"giveaways\""));

    assertThat(headline).contains("Realism 29%", ">very poor<", "The engine reads this: fare gives rows away.", "AUC of 0.85", "real rows the model never saw");
    assertThat(headline).contains("Utility 99%", "predicts “payment”", "ROC AUC 0.79, against 0.80");
    assertThat(headline).contains(">good<", "0.0% of synthetic rows are exact copies of training rows");
    assertThat(headline).contains("Quality 93%");
  }

  @Test
  void drawsTheColumnsThatGiveRowsAwayAndListsThePairs() throws Exception {
    String page = render(FULL);
    String giveaways = page.substring(page.indexOf("id=\"giveaways\""), page.indexOf("id=\"rules\""));

    assertThat(giveaways).contains("2 columns tell synthetic rows apart on their own (AUC of 0.60 or more");
    assertThat(giveaways.indexOf("<h3>fare</h3>")).isLessThan(giveaways.indexOf("<h3>&lt;script&gt;"));
    assertThat(giveaways).contains("AUC 0.94: gives rows away", "AUC 0.51: near chance", "fare + &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "0.96");
    assertThat(count(giveaways, "<svg")).isEqualTo(3);
    assertThat(count(giveaways, "<rect")).as("two bars per bin, two bins per chart").isEqualTo(12);
    assertThat(giveaways).contains("<title>0 – 25: real 70.0%, synthetic 60.0%</title>", "Empty: 0.0% of real rows, 5.0% of synthetic rows");
  }

  @Test
  void listsRulesFidelityPrivacyAndFacts() throws Exception {
    String page = render(FULL);

    assertThat(page).contains("total = fare + tip + a surcharge from a few values", "total, fare, tip", "100.0%", "93.0%");
    assertThat(page).contains("TVComplement", "97.0%", "an id column: unique by construction");
    assertThat(page).contains("Checked against sdmetrics", "91.0%", "-0.020 (agrees)", "passengers", "sdmetrics scores it with TVComplement");
    assertThat(page).contains("51.0%", "0.93", "singling out", "2.0%", "1.0% – 3.0%", "linkability");
    assertThat(page).contains("#7 · GaussianCopula", "default_distribution=beta", "8,041 rows", "2026-03-01 10:00 UTC", "fitting took 1.5 s", "took 12.5 s");
    assertThat(page).contains("1,286 held out at training", "HistGradientBoostingClassifier, 5-fold, 5,000 rows per side", "is_anomaly");
    assertThat(count(page, "<svg")).as("the giveaways, then every column").isEqualTo(6);
  }

  @Test
  void rendersAnEvaluationStoredBeforeRealismWasMeasured() throws Exception {
    String page = render(OLD);

    assertThat(page).contains("<strong>Realism</strong> was not measured", "<strong>Utility</strong> was not measured", "Privacy 80%", "Quality 90%");
    assertThat(page).doesNotContain("id=\"giveaways\"", "id=\"rules\"", "id=\"utility\"", "<svg", "Attack risks");
    assertThat(page).contains("id=\"fidelity\"", "id=\"privacy\"", "id=\"facts\"").endsWith("</html>\n");
  }

  @Test
  void showsTheRealismNumbersOfAnEvaluationStoredBeforeTheEngineReadThemAndAsksToEvaluateAgain() throws Exception {
    String page =
        render(
            """
            {"detection": {"score": 0.29, "auc": 0.853, "real_rows": "holdout",
                           "columns": [{"column": "fare", "auc": 0.94}, {"column": "tip", "auc": 0.51}],
                           "pairs": [{"columns": ["fare", "tip"], "auc": 0.96}]}}
            """);
    String headline = page.substring(page.indexOf("id=\"headline\""), page.indexOf("id=\"giveaways\""));
    String giveaways = page.substring(page.indexOf("id=\"giveaways\""), page.indexOf("id=\"facts\""));

    assertThat(headline).contains("Realism 29%", "Evaluate again for the full reading.", "AUC of 0.85").doesNotContain("class=\"level");
    assertThat(giveaways).contains("the most telling first. Evaluate again for the full reading.", "AUC 0.94</figcaption>", "AUC 0.51</figcaption>");
    assertThat(giveaways).doesNotContain("gives rows away", "near chance", "or more");
  }

  @Test
  void saysWhenRealismCouldNotBeMeasuredInTheEnginesWords() throws Exception {
    String page = render("""
        {"detection": {"score": null, "auc": null, "columns": [], "pairs": [], "verdict": {"level": "unknown", "text": "Realism was not measured: too few rows."}}}
        """);

    assertThat(page).contains("<strong>Realism</strong> <span class=\"level level-not-measured\">not measured</span>", "Realism was not measured: too few rows.");
  }

  @Test
  void labelsBinEdgesAsTheyAreWritten() throws Exception {
    String page =
        render(
            """
            {"charts": {"histograms": [
              {"column": "year", "kind": "numeric", "bins": [2007, 2008, 2009], "real": [0.5, 0.5], "synthetic": [0.5, 0.5]},
              {"column": "amount", "kind": "numeric", "bins": [0, 12500.25, 25000], "real": [0.5, 0.5], "synthetic": [0.5, 0.5]},
              {"column": "pickup", "kind": "datetime", "bins": ["2019-03-01T00:00:00", "2019-03-16T12:00:00", "2019-03-31T23:59:59"],
               "real": [0.5, 0.5], "synthetic": [0.5, 0.5]}]}}
            """);

    assertThat(page).contains(">2007</text>", ">2009</text>", ">25,000</text>", "<title>0 – 12,500: real 50.0%", ">2019-03-31</text>");
  }

  @Test
  void namesTheFileAfterTheDatasetAndModelInSafeCharacters() {
    assertThat(EvaluationReportPage.fileName(model, dataset)).isEqualTo("b_taxis_b_-model-7-GaussianCopula-evaluation.html");
  }

  private static int count(String text, String part) {
    return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
  }
}
