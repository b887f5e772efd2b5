package dev.doppel.adapter.web.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.adapter.web.security.SecurityConfiguration;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.evaluation.Evaluation;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * A model's stored evaluation as one self-contained HTML page: inline CSS and SVG charts, no script,
 * nothing fetched, readable on screen and on paper. The engine's report is read field by field, and
 * a part it does not hold (older evaluations lack detection, utility, rules…) is left out. The
 * readings (levels, their sentences, which columns give rows away) are the engine's; the page only
 * words and colours the levels, and shows an evaluation stored before the engine gave them by its
 * numbers alone. Every text that comes from data (column names, values, the engine's sentences) is
 * HTML-escaped.
 */
final class EvaluationReportPage {
  /** The most telling columns drawn with their charts, even when none gives rows away. */
  private static final int TELLING_COLUMNS_SHOWN = 6;
  private static final String EVALUATE_AGAIN = "Evaluate again for the full reading.";
  private static final String REAL_COLOUR = "#6366f1";
  private static final String SYNTHETIC_COLOUR = "#f97316";
  private static final MathContext LABEL_DIGITS = new MathContext(4);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final String STYLE =
      """
      :root{color-scheme:light}
      body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;margin:0;background:#f8fafc}
      main{max-width:60rem;margin:0 auto;padding:1.5rem}
      h1{font-size:1.6rem;margin:0 0 .25rem}
      h2{font-size:1.2rem;margin:0 0 .5rem}
      h3{font-size:1rem;margin:0 0 .25rem;overflow-wrap:anywhere}
      section{background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:1rem 1.25rem;margin:1rem 0}
      .sub{color:#475569;margin:0}
      .headline{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}
      .headline li{border-left:4px solid #cbd5e1;padding-left:.75rem}
      .level{display:inline-block;border-radius:.25rem;padding:0 .4rem;font-weight:600;font-size:.85rem;background:#f1f5f9}
      .level-excellent,.level-good{background:#dcfce7;color:#166534}
      .level-fair,.level-caution{background:#fef3c7;color:#92400e}
      .level-poor,.level-very-poor{background:#fee2e2;color:#991b1b}
      table{border-collapse:collapse;width:100%;font-size:.9rem}
      th,td{text-align:left;padding:.25rem .5rem;border-top:1px solid #e2e8f0;vertical-align:top;overflow-wrap:anywhere}
      thead th{border-top:0;color:#475569;font-weight:600}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem}
      figure{margin:0;break-inside:avoid;page-break-inside:avoid}
      figcaption{font-size:.8rem;color:#475569}
      svg{width:100%;height:auto;display:block}
      .legend{font-size:.85rem;color:#475569}
      .swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-1px;margin:0 .25rem 0 .75rem}
      dl{display:grid;grid-template-columns:fit-content(55%) 1fr;gap:.25rem 1rem;margin:0}
      dt{color:#475569}
      dd{margin:0;overflow-wrap:anywhere}
      @media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}section{border:0;padding:0;margin:0 0 1.25rem;break-inside:auto}
      .level{border:1px solid currentColor}h2{break-after:avoid}}
      """;

  private final StringBuilder html = new StringBuilder(16_384);
  private final SynthesisModel model;
  private final Dataset dataset;
  private final Evaluation evaluation;
  private final JsonNode report;
  private final Map<String, JsonNode> histograms = new HashMap<>();

  private EvaluationReportPage(SynthesisModel model, Dataset dataset, Evaluation evaluation, JsonNode report) {
    this.model = model;
    this.dataset = dataset;
    this.evaluation = evaluation;
    this.report = report;
    report.path("charts").path("histograms").forEach(h -> histograms.putIfAbsent(h.path("column").asText(), h));
  }

  /** The page for a completed evaluation of {@code model}, trained on {@code dataset}. */
  static String render(SynthesisModel model, Dataset dataset, Evaluation evaluation, JsonNode report) {
    return new EvaluationReportPage(model, dataset, evaluation, report).page();
  }

  /** A file name for the page: the dataset and the model, in characters every file system and header takes. */
  static String fileName(SynthesisModel model, Dataset dataset) {
    String stem = dataset.name().value().replaceFirst("\\.[A-Za-z0-9]{1,8}$", "");
    String name = (stem + "-model-" + model.id().value() + "-" + model.algorithm().name()).replaceAll("[^A-Za-z0-9._-]+", "_");
    return name.replaceAll("^[._]+", "") + "-evaluation.html";
  }

  private String page() {
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(SecurityConfiguration.EVALUATION_REPORT_CONTENT_SECURITY_POLICY).append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(escape(title())).append("</title><style>").append(STYLE).append("</style></head><body><main>");
    html.append("<header><h1>").append(escape(title())).append("</h1><p class=\"sub\">")
        .append(escape("Dataset " + dataset.name().value() + " · evaluated " + evaluation.finishedAt().map(TIME::format).orElse("(time not recorded)")))
        .append("</p></header>");
    headline();
    giveaways();
    rules();
    fidelity();
    privacy();
    utility();
    distributions();
    facts();
    html.append("</main></body></html>\n");
    return html.toString();
  }

  private String title() {
    return "Evaluation of model #" + model.id().value() + " (" + model.algorithm().name() + ")";
  }

  private void headline() {
    html.append("<section aria-labelledby=\"headline\"><h2 id=\"headline\">In short</h2><ul class=\"headline\">");
    JsonNode detection = report.path("detection");
    Optional<Double> score = number(detection.path("score"));
    JsonNode verdict = detection.path("verdict");
    if (score.isPresent()) {
      html.append("<li><strong>Realism ").append(percent(score.get(), 0)).append("</strong> ").append(level(verdict.path("level").asText()))
          .append("<br>").append(escape(verdict.hasNonNull("text") ? verdict.path("text").asText() : EVALUATE_AGAIN)).append(' ')
          .append(escape("A gradient-boosted classifier separating synthetic rows from "
              + ("training".equals(detection.path("real_rows").asText()) ? "real rows" : "real rows the model never saw")
              + " reached an AUC of " + fixed(detection.path("auc"), 2) + " (0.5: it cannot tell them apart); realism is 1 − 2 × (AUC − 0.5)."))
          .append("</li>");
    } else if (verdict.hasNonNull("text")) {
      html.append("<li><strong>Realism</strong> ").append(level(verdict.path("level").asText())).append("<br>")
          .append(escape(verdict.path("text").asText())).append("</li>");
    } else {
      html.append("<li><strong>Realism</strong> was not measured in this evaluation.</li>");
    }
    JsonNode utility = report.path("utility");
    Optional<Double> ratio = number(utility.path("ratio"));
    if (ratio.isPresent()) {
      String metric = metricName(utility.path("metric").asText());
      html.append("<li><strong>Utility ").append(percent(ratio.get(), 0)).append("</strong><br>")
          .append(escape("A model trained on synthetic rows predicts “" + utility.path("target").asText() + "” on real rows it never saw with "
              + metric + " " + fixed(utility.path("synthetic"), 2) + ", against " + fixed(utility.path("training"), 2)
              + " when trained on the real training rows."))
          .append("</li>");
    } else {
      html.append("<li><strong>Utility</strong> was not measured: it needs rows held out at training and a column to predict.</li>");
    }
    JsonNode privacy = report.path("privacy");
    JsonNode privacyVerdict = privacy.path("verdict");
    if (privacyVerdict.hasNonNull("text")) {
      html.append("<li><strong>Privacy</strong> ").append(level(privacyVerdict.path("level").asText())).append("<br>")
          .append(escape(privacyVerdict.path("text").asText())).append("</li>");
    } else if (number(privacy.path("score")).isPresent()) {
      html.append("<li><strong>Privacy ").append(percent(privacy.path("score").asDouble(), 0)).append("</strong><br>")
          .append("Distance to the closest real row, compared with random data (1: as far as random data).</li>");
    }
    JsonNode quality = report.path("quality");
    if (number(quality.path("score")).isPresent()) {
      html.append("<li><strong>Quality ").append(percent(quality.path("score").asDouble(), 0)).append("</strong><br>")
          .append(escape("Column shapes " + percent(quality.path("column_shapes"), 1) + ", pair trends " + percent(quality.path("column_pair_trends"), 1)
              + ": how closely each column and each pair of columns follow the real ones."))
          .append("</li>");
    }
    html.append("</ul></section>");
  }

  private void giveaways() {
    JsonNode detection = report.path("detection");
    List<JsonNode> columns = list(detection.path("columns"));
    if (columns.isEmpty()) {
      return;
    }
    columns.sort(Comparator.comparingDouble((JsonNode c) -> c.path("auc").asDouble()).reversed());
    // Evaluations stored before the engine judged each column hold only the AUCs.
    boolean judged = columns.stream().allMatch(c -> c.path("gives_away").isBoolean());
    long telling = columns.stream().filter(c -> c.path("gives_away").asBoolean()).count();
    String threshold = fixed(detection.path("gives_away_auc"), 2);
    html.append("<section aria-labelledby=\"giveaways\"><h2 id=\"giveaways\">What gives synthetic rows away</h2><p>");
    if (!judged) {
      html.append(escape("Each column's own classifier AUC (0.5 is chance), the most telling first. " + EVALUATE_AGAIN));
    } else if (telling == 0) {
      html.append(escape("No single column gives rows away: each column's own classifier stays near chance (AUC below " + threshold
          + "). The columns it leans on most:"));
    } else {
      html.append(escape(telling + (telling == 1 ? " column tells synthetic rows apart on its own" : " columns tell synthetic rows apart on their own") + " (AUC of "
          + threshold + " or more; 0.5 is chance), the most telling first:"));
    }
    html.append("</p>");
    legend();
    html.append("<div class=\"charts\">");
    for (JsonNode column : columns.subList(0, Math.min(columns.size(), TELLING_COLUMNS_SHOWN))) {
      String name = column.path("column").asText();
      html.append("<figure><h3>").append(escape(name)).append("</h3><figcaption>AUC ").append(fixed(column.path("auc"), 2))
          .append(judged ? (column.path("gives_away").asBoolean() ? ": gives rows away" : ": near chance") : "").append("</figcaption>");
      chart(histograms.get(name), name);
      html.append("</figure>");
    }
    html.append("</div>");
    List<JsonNode> pairs = list(detection.path("pairs"));
    if (!pairs.isEmpty()) {
      pairs.sort(Comparator.comparingDouble((JsonNode p) -> p.path("auc").asDouble()).reversed());
      html.append("<h3 style=\"margin-top:1rem\">Pairs of columns</h3><table><thead><tr><th>Columns</th><th class=\"num\">AUC</th><th>Reading</th></tr></thead><tbody>");
      for (JsonNode pair : pairs) {
        List<String> names = texts(pair.path("columns"));
        JsonNode givesAway = pair.path("gives_away");
        html.append("<tr><td>").append(escape(String.join(" + ", names))).append("</td><td class=\"num\">").append(fixed(pair.path("auc"), 2))
            .append("</td><td>").append(givesAway.isBoolean() ? (givesAway.asBoolean() ? "gives rows away" : "near chance") : "").append("</td></tr>");
      }
      html.append("</tbody></table>");
    }
    html.append("</section>");
  }

  private void rules() {
    if (!report.path("rules").isArray()) {
      return;
    }
    List<JsonNode> rules = list(report.path("rules"));
    html.append("<section aria-labelledby=\"rules\"><h2 id=\"rules\">Rules kept</h2>");
    if (rules.isEmpty()) {
      html.append("<p>No rules between columns were found in the real table.</p></section>");
      return;
    }
    html.append("<p>Relations found in the real table, and the share of rows that keep each one.</p>")
        .append("<table><thead><tr><th>Rule</th><th>Kind</th><th>Columns</th><th class=\"num\">Real rows</th><th class=\"num\">Synthetic rows</th></tr></thead><tbody>");
    for (JsonNode rule : rules) {
      html.append("<tr><td>").append(escape(rule.path("text").asText(rule.path("id").asText()))).append("</td><td>").append(escape(rule.path("kind").asText()))
          .append("</td><td>").append(escape(String.join(", ", texts(rule.path("columns"))))).append("</td><td class=\"num\">")
          .append(percent(rule.path("real_share"), 1)).append("</td><td class=\"num\">").append(percent(rule.path("synthetic_share"), 1)).append("</td></tr>");
    }
    html.append("</tbody></table></section>");
  }

  private void fidelity() {
    JsonNode quality = report.path("quality");
    List<JsonNode> scored = list(report.path("fidelity").path("columns"));
    boolean described = !scored.isEmpty();
    if (!described) {
      scored = list(quality.path("columns"));
    }
    List<String> skipped = texts(report.path("skipped_columns"));
    if (scored.isEmpty() && skipped.isEmpty() && quality.isMissingNode()) {
      return;
    }
    html.append("<section aria-labelledby=\"fidelity\"><h2 id=\"fidelity\">Fidelity per column</h2><dl>");
    fact("Quality", percent(quality.path("score"), 1));
    fact("Column shapes", percent(quality.path("column_shapes"), 1));
    fact("Column pair trends", percent(quality.path("column_pair_trends"), 1));
    if (report.path("diagnostic").has("score")) {
      fact("Validity (diagnostic)", percent(report.path("diagnostic").path("score"), 1));
    }
    html.append("</dl>");
    if (!scored.isEmpty() || !skipped.isEmpty()) {
      html.append("<table style=\"margin-top:.75rem\"><thead><tr><th>Column</th><th>How</th><th class=\"num\">Score</th><th>Why left out</th></tr></thead><tbody>");
      for (JsonNode column : scored) {
        html.append("<tr><td>").append(escape(column.path("column").asText())).append("</td><td>")
            .append(escape(column.path("metric").asText(column.path("how").asText("")))).append("</td><td class=\"num\">")
            .append(percent(column.path("score"), 1)).append("</td><td>").append(escape(column.path("reason").asText(""))).append("</td></tr>");
      }
      if (!described) {
        for (String column : skipped) {
          html.append("<tr><td>").append(escape(column)).append("</td><td></td><td class=\"num\">–</td><td>")
              .append("an id or free-text column: its values are not compared</td></tr>");
        }
      }
      html.append("</tbody></table>");
    }
    qualityCheck(report.path("quality_check"));
    html.append("</section>");
  }

  /** The same rows scored by sdmetrics with the column types SDV detects, and the columns typed otherwise. */
  private void qualityCheck(JsonNode check) {
    if (!check.isObject()) {
      return;
    }
    html.append("<h3 style=\"margin-top:1rem\">Checked against sdmetrics</h3>");
    if (!check.path("computed").asBoolean()) {
      html.append("<p>Not computed: ").append(escape(check.path("reason").asText())).append(".</p>");
      return;
    }
    html.append("<dl>");
    fact("sdmetrics QualityReport, SDV-detected column types", percent(check.path("sdmetrics_detected_score"), 1));
    fact("Difference from this report's quality", fixed(check.path("difference"), 3) + (check.path("agrees").asBoolean() ? " (agrees)" : " (differs)"));
    html.append("</dl>");
    List<JsonNode> differently = list(check.path("columns_typed_differently"));
    if (!differently.isEmpty()) {
      html.append("<table><thead><tr><th>Column typed differently</th><th>Here</th><th>SDV detects</th><th>Why the scores differ</th></tr></thead><tbody>");
      for (JsonNode column : differently) {
        html.append("<tr><td>").append(escape(column.path("column").asText())).append("</td><td>").append(escape(column.path("platform_type").asText()))
            .append("</td><td>").append(escape(column.path("detected_sdtype").asText(""))).append("</td><td>").append(escape(column.path("why").asText()))
            .append("</td></tr>");
      }
      html.append("</tbody></table>");
    }
  }

  private void privacy() {
    JsonNode privacy = report.path("privacy");
    if (privacy.isMissingNode() || privacy.isNull()) {
      return;
    }
    JsonNode holdout = privacy.path("holdout");
    html.append("<section aria-labelledby=\"privacy\"><h2 id=\"privacy\">Privacy</h2>");
    if (privacy.path("verdict").hasNonNull("text")) {
      html.append("<p>").append(level(privacy.path("verdict").path("level").asText())).append(' ').append(escape(privacy.path("verdict").path("text").asText())).append("</p>");
    }
    html.append("<dl>");
    if (holdout.isObject()) {
      fact("Synthetic rows closer to a training row than to an unseen real row (ideal 50%)", percent(holdout.path("dcr_share"), 1));
      fact("Median nearest-neighbour distance ratio (near 0: rows sit on single training rows)", fixed(holdout.path("median_nndr"), 2));
      fact("Median distance to the closest training row / unseen row", fixed(holdout.path("median_dcr_training"), 3) + " / " + fixed(holdout.path("median_dcr_holdout"), 3));
    }
    if (privacy.has("exact_copies_of_training")) {
      fact("Exact copies of training rows", percent(privacy.path("exact_copies_of_training"), 2));
    }
    if (number(privacy.path("holdout_copies_of_training")).isPresent()) {
      fact("Unseen real rows that repeat a training row (the natural rate)", percent(privacy.path("holdout_copies_of_training"), 2));
    }
    if (privacy.has("exact_copy_share")) {
      fact("Exact copies of real rows", percent(privacy.path("exact_copy_share"), 2));
    }
    if (privacy.has("dcr_baseline_protection")) {
      fact("Distance to the closest real row, against random data (1: as far as random data)", percent(privacy.path("dcr_baseline_protection"), 1));
    }
    html.append("</dl>");
    attackRisks(privacy.path("attacks"));
    html.append("</section>");
  }

  /**
   * The engine's attacks on the training rows, the holdout as control (anonymeter's method):
   * singling out, linkability and inference, each risk with its confidence interval.
   */
  private void attackRisks(JsonNode report) {
    List<Map.Entry<String, JsonNode>> attacks = new ArrayList<>();
    report.properties().stream().filter(e -> e.getValue().isObject()).forEach(attacks::add);
    if (attacks.isEmpty()) {
      if (report.hasNonNull("reason")) {
        html.append("<p>Attack risks were not measured: ").append(escape(report.path("reason").asText())).append(".</p>");
      }
      return;
    }
    html.append("<h3 style=\"margin-top:1rem\">Attack risks (anonymeter's method, against the holdout)</h3><table><thead><tr><th>Attack</th><th class=\"num\">Risk</th>")
        .append("<th class=\"num\">Confidence interval</th></tr></thead><tbody>");
    for (Map.Entry<String, JsonNode> attack : attacks) {
      JsonNode risk = attack.getValue();
      List<JsonNode> interval = list(risk.path("ci"));
      html.append("<tr><td>").append(escape(attack.getKey().replace('_', ' '))).append("</td><td class=\"num\">").append(percent(risk.path("risk"), 1))
          .append("</td><td class=\"num\">").append(interval.size() == 2 ? percent(interval.get(0), 1) + " – " + percent(interval.get(1), 1) : "–")
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
  }

  private void utility() {
    JsonNode utility = report.path("utility");
    if (!utility.isObject()) {
      return;
    }
    String metric = metricName(utility.path("metric").asText());
    html.append("<section aria-labelledby=\"utility\"><h2 id=\"utility\">Utility: train on synthetic, test on real</h2><dl>");
    fact("Column predicted", escape(utility.path("target").asText()));
    fact("Measure", escape(metric));
    fact("Trained on real training rows", fixed(utility.path("training"), 3));
    fact("Trained on synthetic rows", fixed(utility.path("synthetic"), 3));
    fact("Ratio (synthetic / real)", percent(utility.path("ratio"), 1));
    if (utility.has("test_rows")) {
      fact("Unseen real rows it was tested on", String.format(Locale.ROOT, "%,d", utility.path("test_rows").asLong()));
    }
    html.append("</dl></section>");
  }

  private void distributions() {
    if (histograms.isEmpty()) {
      return;
    }
    html.append("<section aria-labelledby=\"distributions\"><h2 id=\"distributions\">Every column, real and synthetic</h2>");
    legend();
    html.append("<div class=\"charts\">");
    report.path("charts").path("histograms").forEach(h -> {
      html.append("<figure><h3>").append(escape(h.path("column").asText())).append("</h3>");
      chart(h, h.path("column").asText());
      html.append("</figure>");
    });
    html.append("</div></section>");
  }

  private void facts() {
    html.append("<section aria-labelledby=\"facts\"><h2 id=\"facts\">Model, data and engine</h2><dl>");
    fact("Model", escape("#" + model.id().value() + " · " + model.algorithm().name()));
    Map<String, Object> settings = new TreeMap<>(model.settings().values());
    if (!settings.isEmpty()) {
      fact("Settings", escape(settings.toString().replaceAll("^\\{|}$", "")));
    }
    model.seed().ifPresent(seed -> fact("Seed", String.valueOf(seed)));
    model.summary().flatMap(s -> s.privacySpent())
        .ifPresent(spent -> fact("Differential privacy", String.format(Locale.ROOT, "ε %.3f spent (δ %s)", spent.epsilon(), spent.delta())));
    fact("Dataset", escape(dataset.name().value() + " · " + String.format(Locale.ROOT, "%,d", dataset.profile().rowCount()) + " rows, "
        + dataset.profile().columns().size() + " columns"));
    fact("Trained", model.finishedAt().map(TIME::format).orElse("–")
        + model.summary().map(s -> String.format(Locale.ROOT, " (fitting took %.1f s)", s.fitSeconds())).orElse(""));
    fact("Evaluated", evaluation.finishedAt().map(TIME::format).orElse("–")
        + number(report.path("timings").path("total_s")).map(s -> String.format(Locale.ROOT, " (took %.1f s)", s)).orElse(""));
    JsonNode sampling = report.path("sampling");
    if (sampling.isObject()) {
      String rows = count(sampling.path("real_rows")) + " real rows, " + count(sampling.path("synthetic_rows")) + " synthetic rows"
          + (number(sampling.path("holdout_rows")).isPresent() ? ", " + count(sampling.path("holdout_rows")) + " held out at training" : "")
          + (sampling.path("subsampled").asBoolean() ? "; sampled down to " + count(sampling.path("cap")) + " each" : "");
      fact("Rows compared", escape(rows));
    }
    if (report.hasNonNull("metrics_engine")) {
      fact("Scores computed by", escape("sdmetrics".equals(report.path("metrics_engine").asText())
          ? "sdmetrics" : "the engine's own metrics (" + report.path("metrics_engine").asText() + ")"));
    }
    JsonNode detection = report.path("detection");
    if (detection.hasNonNull("classifier")) {
      fact("Realism classifier", escape(detection.path("classifier").asText() + ", " + detection.path("folds").asText() + "-fold, "
          + count(detection.path("rows_per_side")) + " rows per side"));
    }
    List<String> ignored = texts(report.path("ignored_synthetic_columns"));
    if (!ignored.isEmpty()) {
      fact("Synthetic columns not compared", escape(String.join(", ", ignored)));
    }
    html.append("</dl></section>");
  }

  private void legend() {
    html.append("<p class=\"legend\"><span class=\"swatch\" style=\"background:").append(REAL_COLOUR).append("\"></span>real rows")
        .append("<span class=\"swatch\" style=\"background:").append(SYNTHETIC_COLOUR).append("\"></span>synthetic rows (bar height: share of rows)</p>");
  }

  /** Real and synthetic shares per bin as side-by-side bars, the bins labelled below. */
  private void chart(JsonNode histogram, String column) {
    List<JsonNode> real = histogram == null ? List.of() : list(histogram.path("real"));
    List<JsonNode> synthetic = histogram == null ? List.of() : list(histogram.path("synthetic"));
    if (real.isEmpty() || real.size() != synthetic.size()) {
      html.append("<p class=\"sub\">No chart: the evaluation holds no histogram of this column.</p>");
      return;
    }
    boolean categorical = "categorical".equals(histogram.path("kind").asText());
    List<String> bins = texts(histogram.path("bins"));
    int n = real.size();
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(real.get(i).asDouble(), synthetic.get(i).asDouble()));
    }
    double scale = max > 0 ? max : 1;
    double left = 40;
    double top = 8;
    double width = 270;
    double height = 100;
    double labels = categorical ? 64 : 18;
    double band = width / n;
    html.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 320 %.0f\" role=\"img\" aria-label=\"", top + height + labels))
        .append(escape("Real and synthetic distribution of " + column)).append("\">")
        .append(String.format(Locale.ROOT, "<g font-size=\"9\" fill=\"#475569\"><text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 4, top + 3,
            percent(scale, scale < 0.1 ? 1 : 0)))
        .append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">0%%</text></g>", left - 4, top + height + 3))
        .append(String.format(Locale.ROOT, "<path d=\"M%.0f %.1fH%.0fM%.0f %.1fH%.0f\" stroke=\"#e2e8f0\"/>", left, top, left + width, left, top + height, left + width));
    for (int i = 0; i < n; i++) {
      double x = left + i * band;
      double r = real.get(i).asDouble() / scale * height;
      double s = synthetic.get(i).asDouble() / scale * height;
      String label = i < bins.size() ? bins.get(i) : "";
      html.append("<g><title>").append(escape((categorical ? label : range(bins, i, histogram)) + ": real " + percent(real.get(i), 1)
              + ", synthetic " + percent(synthetic.get(i), 1))).append("</title>")
          .append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>", x + band * 0.08, top + height - r, band * 0.42, r, REAL_COLOUR))
          .append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/></g>", x + band * 0.5, top + height - s, band * 0.42, s,
              SYNTHETIC_COLOUR));
      if (categorical) {
        double cx = x + band / 2;
        html.append(String.format(Locale.ROOT, "<text font-size=\"8\" fill=\"#334155\" text-anchor=\"end\" transform=\"translate(%.2f %.1f) rotate(-45)\">", cx + 3, top + height + 8))
            .append(escape(shorten(label, 14))).append("</text>");
      }
    }
    if (!categorical && bins.size() == n + 1) {
      html.append(String.format(Locale.ROOT, "<g font-size=\"9\" fill=\"#334155\"><text x=\"%.0f\" y=\"%.1f\">", left, top + height + 12))
          .append(escape(edge(bins.get(0), histogram))).append("</text>")
          .append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", left + width, top + height + 12))
          .append(escape(edge(bins.get(n), histogram))).append("</text></g>");
    }
    html.append("</svg>");
    double realNulls = histogram.path("real_null_share").asDouble();
    double syntheticNulls = histogram.path("synthetic_null_share").asDouble();
    if (realNulls > 0 || syntheticNulls > 0) {
      html.append("<figcaption>Empty: ").append(percent(realNulls, 1)).append(" of real rows, ").append(percent(syntheticNulls, 1)).append(" of synthetic rows</figcaption>");
    }
  }

  private static String range(List<String> edges, int i, JsonNode histogram) {
    return i + 1 < edges.size() ? edge(edges.get(i), histogram) + " – " + edge(edges.get(i + 1), histogram) : "";
  }

  /** A bin edge as a reader wants it: dates without their time of day, numbers to four significant digits. */
  private static String edge(String value, JsonNode histogram) {
    if ("datetime".equals(histogram.path("kind").asText())) {
      return value.length() >= 10 ? value.substring(0, 10) : value;
    }
    try {
      BigDecimal number = new BigDecimal(value).round(LABEL_DIGITS).stripTrailingZeros();
      if (number.scale() > 0) {
        return number.toPlainString();
      }
      // Four-digit whole numbers are often years: 2007, not 2,007.
      return String.format(Locale.ROOT, number.abs().compareTo(BigDecimal.valueOf(10_000)) < 0 ? "%d" : "%,d", number.toBigInteger());
    } catch (NumberFormatException notANumber) {
      return value;
    }
  }

  private void fact(String label, String valueHtml) {
    html.append("<dt>").append(escape(label)).append("</dt><dd>").append(valueHtml).append("</dd>");
  }

  /** The engine's verdict level as a coloured word; nothing for an evaluation stored without one. */
  private static String level(String level) {
    String shown =
        switch (level) {
          case "caution" -> "fair";
          case "very_poor" -> "very poor";
          case "unknown" -> "not measured";
          default -> level;
        };
    return shown.isBlank() ? "" : "<span class=\"level level-" + escape(shown.replace(' ', '-')) + "\">" + escape(shown) + "</span>";
  }

  private static String metricName(String metric) {
    return switch (metric) {
      case "roc_auc" -> "ROC AUC";
      case "r2" -> "R²";
      case "accuracy" -> "accuracy";
      default -> metric;
    };
  }

  private static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  private static Optional<Double> number(JsonNode node) {
    return node.isNumber() ? Optional.of(node.asDouble()) : Optional.empty();
  }

  private static String percent(JsonNode node, int digits) {
    return number(node).map(v -> percent(v, digits)).orElse("–");
  }

  private static String percent(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f%%", value * 100);
  }

  private static String fixed(JsonNode node, int digits) {
    return number(node).map(v -> fixed(v, digits)).orElse("–");
  }

  private static String fixed(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }

  private static String count(JsonNode node) {
    return number(node).map(v -> String.format(Locale.ROOT, "%,d", v.longValue())).orElse("–");
  }

  private static List<JsonNode> list(JsonNode array) {
    return array.isArray() ? new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList()) : new ArrayList<>();
  }

  private static List<String> texts(JsonNode array) {
    return list(array).stream().map(JsonNode::asText).toList();
  }

  /** Text for element content and attribute values alike. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
