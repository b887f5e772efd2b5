// The end-to-end journey in a real headless browser (Debian's chromium via playwright-core):
// register → project → drop penguins.csv → check the preview → upload → train GaussianCopula →
// quality charts, attack risks, quality check and fidelity list → download the HTML evaluation
// report and open it from disk → generate 500 rows with 2% anomalies → download CSV and SQL and
// count rows → Try it: sample 50 rows with species fixed, regenerate, queue 200 rows like them →
// a second project with two linked lahman tables: suggest the link, declare it as a sequence →
// train a database model on them (TabularARGN, one short epoch) → generate a database at half
// scale and see its rows per table.
//
// Env: DOPPEL_URL (default http://localhost:8080), DOPPEL_DATASETS_DIR (default the repository's
// samples/), E2E_ARTIFACTS (default webapp/e2e/artifacts), CHROMIUM (default
// /usr/bin/chromium), E2E_TRAIN_TIMEOUT_S (default 600), E2E_HEADFUL=1 to watch.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const BASE = (process.env.DOPPEL_URL || 'http://localhost:8080').replace(/\/$/, '');
const DATASETS = process.env.DOPPEL_DATASETS_DIR || join(repo, 'samples');
const ARTIFACTS = process.env.E2E_ARTIFACTS || join(here, 'artifacts');
const TRAIN_TIMEOUT = Number(process.env.E2E_TRAIN_TIMEOUT_S || 600) * 1000;
const STEP_TIMEOUT = 30_000;

const EXPECTED_TYPES = {
  species: 'categorical',
  bill_length_mm: 'float',
  year: 'integer',
  sex: 'categorical',
};

/** Counts CSV records (RFC 4180: quoted fields may hold newlines), header included. */
export function countCsvRecords(text) {
  let records = 0;
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"') {
      inQuotes = true;
      content = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (content) records++;
      content = false;
    } else {
      content = true;
    }
  }
  return content ? records + 1 : records;
}

/** Counts the value tuples after every VALUES keyword, outside quotes and comments. */
export function countSqlTuples(sql) {
  let tuples = 0;
  let depth = 0;
  let afterValues = false;
  let word = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      const quote = c;
      for (i++; i < sql.length; i++) {
        if (sql[i] === '\\' && quote === "'") i++;
        else if (sql[i] === quote) {
          if (sql[i + 1] === quote) i++;
          else break;
        }
      }
      word = '';
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      word = '';
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      word += c;
      continue;
    }
    if (word.toUpperCase() === 'VALUES' && depth === 0) afterValues = true;
    word = '';
    if (c === '(') {
      if (depth === 0 && afterValues) tuples++;
      depth++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
    } else if (c === ';' && depth === 0) {
      afterValues = false;
    }
  }
  return tuples;
}

const results = [];
let shot = 0;

async function screenshot(page, name) {
  shot++;
  const file = join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  // Back to the top first: the sticky header would otherwise be drawn mid-page.
  await page.evaluate(() => window.scrollTo(0, 0)).catch(() => {});
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  return file;
}

async function step(page, name, body) {
  const started = Date.now();
  try {
    await body();
    const file = await screenshot(page, name);
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s) → ${file}`);
    return true;
  } catch (error) {
    const file = await screenshot(page, `${name}-FAILED`);
    results.push({ name, ok: false, error });
    console.error(`FAIL ${name}: ${error.message.split('\n')[0]}\n     screenshot: ${file}`);
    return false;
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function waitForStatus(page, scope, wanted, timeout, what) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const status = await page
      .locator(`${scope} [data-status]`)
      .first()
      .getAttribute('data-status')
      .catch(() => null);
    if (status === wanted) return;
    if (['FAILED', 'CANCELLED'].includes(status)) {
      const detail = await page
        .locator(`${scope} [role=alert]`)
        .allInnerTexts()
        .catch(() => []);
      throw new Error(`${what} ended ${status}: ${detail.join(' ').replace(/\s+/g, ' ')}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} still ${status ?? 'not shown'} after ${timeout / 1000} s`);
    }
    await page.waitForTimeout(1000);
  }
}

/** Waits for the Try it panel to show `summary`, or fails with what it shows instead. */
async function waitForSample(panel, summary) {
  // The first call after a start loads the engine's libraries: several seconds.
  await panel.locator(`${summary}, [role=alert]`).first().waitFor({ timeout: 120_000 });
  const alerts = await panel.locator('[role=alert]').allInnerTexts();
  check(alerts.length === 0, `sampling failed: ${alerts.join(' ').replace(/\s+/g, ' ')}`);
}

/** Checks that the Try it panel shows `rows` sampled rows, every one of them with `species`. */
async function checkSampledSpecies(panel, species, rows) {
  const shown = await panel
    .locator('table[aria-label="Sampled rows"] tbody td[data-column="species"]')
    .allInnerTexts();
  check(shown.length === rows, `the panel shows ${shown.length} rows, expected ${rows}`);
  const others = shown.filter((value) => value !== species);
  check(others.length === 0, `rows with species ${others.slice(0, 3).join(', ')}, not ${species}`);
}

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const penguins = join(DATASETS, 'penguins.csv');
  readFileSync(penguins); // fail early, with the path, when the dataset is missing
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: !process.env.E2E_HEADFUL,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('pageerror', (error) => console.error(`     page error: ${error.message}`));

  const username = `e2e_${Date.now().toString(36)}`;
  const password = 'journey-password-1';
  const project = `Penguins ${new Date().toISOString().slice(0, 19)}`;
  let batchId = null;
  let species = null;
  let firstSeed = null;
  let databaseModelId = null;

  const journey = [
    [
      'register',
      async () => {
        await page.goto(`${BASE}/`);
        await page.waitForURL(/\/login/);
        await page.getByRole('link', { name: 'Create an account' }).click();
        await page.getByLabel('Username').fill(username);
        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.getByRole('heading', { name: 'Welcome to Doppel' }).waitFor();
      },
    ],
    [
      'create-project',
      async () => {
        await page.getByLabel('New project').fill(project);
        await page.getByRole('button', { name: 'Create', exact: true }).click();
        await page.waitForURL(/\/projects\/\d+$/);
        await page.getByRole('heading', { name: project }).waitFor();
      },
    ],
    [
      'drop-file-preview',
      async () => {
        await page.locator('#file-input').setInputFiles(penguins);
        await page.getByTestId('upload-preview').waitFor();
        const rows = await page.locator('[data-testid=upload-preview] tbody tr').count();
        check(rows > 0, 'the preview shows no rows');
      },
    ],
    [
      'preview-types',
      async () => {
        const wrong = [];
        for (const [column, type] of Object.entries(EXPECTED_TYPES)) {
          const shown = await page.locator(`select[data-column="${column}"]`).inputValue();
          if (shown !== type) wrong.push(`${column} is ${shown}, expected ${type}`);
        }
        check(wrong.length === 0, `preview types: ${wrong.join('; ')}`);
      },
    ],
    [
      'upload',
      async () => {
        await page.getByRole('button', { name: 'Upload', exact: true }).click();
        await page.getByText(/Uploaded “/).waitFor({ timeout: 120_000 });
        await page.getByTestId('column-profile').first().waitFor();
        const cards = await page.getByTestId('column-profile').count();
        check(cards === 8, `the profile shows ${cards} columns, expected 8`);
        check((await page.locator('canvas').count()) > 0, 'the profile shows no charts');
      },
    ],
    [
      'train-gaussian-copula',
      async () => {
        await page.getByRole('link', { name: /Train a model on it/ }).click();
        await page.locator('#algorithm, [role=alert]').first().waitFor();
        if (!(await page.locator('#algorithm').count())) {
          const alert = await page.locator('[role=alert]').first().innerText();
          throw new Error(`the training form did not load: ${alert.replace(/\s+/g, ' ')}`);
        }
        const options = await page.locator('#algorithm option').allInnerTexts();
        check(
          options.includes('GaussianCopula'),
          `the catalogue offers ${options.join(', ')}, not GaussianCopula`,
        );
        await page.locator('#algorithm').selectOption('GaussianCopula');
        await page.getByRole('button', { name: 'Start training' }).click();
        await page.waitForURL(/\/models\/\d+$/);
      },
    ],
    [
      'training-completes',
      async () => {
        await waitForStatus(
          page,
          'section[aria-labelledby=progress-title]',
          'COMPLETED',
          TRAIN_TIMEOUT,
          'training',
        );
      },
    ],
    [
      'quality-charts',
      async () => {
        await page.getByTestId('evaluation-report').waitFor({ timeout: TRAIN_TIMEOUT });
        const quality = await page.getByTestId('score-quality').innerText();
        check(/\d+%/.test(quality), `no quality score shown: ${quality}`);
        await page
          .getByLabel(/Real and synthetic distribution of/)
          .first()
          .waitFor();
        const heatmaps = await page.locator('[role=table][aria-label]').count();
        check(heatmaps >= 3, `expected 3 correlation heatmaps, saw ${heatmaps}`);
        for (const heading of ['Attack risks', 'Quality checked against sdmetrics']) {
          const shown = await page.getByRole('heading', { name: heading }).count();
          check(shown === 1, `the model page shows no "${heading}" section`);
        }
        check(
          (await page.getByText(/^Fidelity/).count()) > 0,
          'the model page shows no fidelity list',
        );
      },
    ],
    [
      'evaluation-report-download',
      async () => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Download report (HTML)' }).click(),
        ]);
        const name = download.suggestedFilename();
        check(/-evaluation\.html$/.test(name), `the report downloads as "${name}"`);
        const file = join(ARTIFACTS, name);
        await download.saveAs(file);
        // The saved file on its own, as a user opens it: nothing may be missing without the server.
        const report = await context.newPage();
        try {
          await report.goto(pathToFileURL(file).href);
          const headline = await report.locator('#headline').locator('..').innerText();
          check(/Realism/.test(headline), `the report's headline says: ${headline.slice(0, 200)}`);
          const charts = await report.locator('svg').count();
          check(charts > 0, 'the report shows no chart');
          console.log(`     ${name}: ${charts} charts`);
          await screenshot(report, 'evaluation-report-file');
        } finally {
          await report.close();
        }
      },
    ],
    [
      'generate-500-with-anomalies',
      async () => {
        await page.getByLabel('Rows to generate').fill('500');
        await page.getByLabel('Inject anomalies').check();
        await page.getByLabel('Anomaly share (%)').fill('2');
        await page.getByRole('button', { name: 'Generate' }).click();
        const batch = page.getByTestId('batch').first();
        await batch.waitFor();
        await waitForStatus(
          page,
          '[data-testid=batch]:first-child',
          'COMPLETED',
          TRAIN_TIMEOUT,
          'generation',
        );
        const title = await batch.locator('span.font-medium').innerText();
        batchId = /#(\d+)/.exec(title)?.[1];
        check(batchId, `no batch id in "${title}"`);
      },
    ],
    [
      'download-csv',
      async () => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: `Download batch ${batchId} as CSV` }).click(),
        ]);
        const text = readFileSync(await download.path(), 'utf8');
        const records = countCsvRecords(text);
        console.log(`     ${download.suggestedFilename()}: ${records} records`);
        check(records === 501, `the CSV has ${records} records, expected 500 rows + header`);
      },
    ],
    [
      'download-sql',
      async () => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: `Download batch ${batchId} as SQL` }).click(),
        ]);
        const text = readFileSync(await download.path(), 'utf8');
        const tuples = countSqlTuples(text);
        console.log(`     ${download.suggestedFilename()}: ${tuples} value tuples`);
        check(tuples === 500, `the SQL inserts ${tuples} rows, expected 500`);
      },
    ],
    // Last: the panel's Regenerate and "Generate N like this" buttons would also answer the
    // generation step's getByRole('button', { name: 'Generate' }).
    [
      'try-it-sample-with-species-fixed',
      async () => {
        const panel = page.getByRole('region', { name: 'Try it' });
        await panel.getByRole('button', { name: 'Try it' }).click();
        await panel.getByLabel('Fixed values').check();
        await panel.getByLabel('Column of fixed value 1').selectOption('species');
        const offered = await panel
          .locator('#condition-values-0 option')
          .evaluateAll((options) => options.map((option) => option.value));
        check(offered.length > 0, 'the panel offers no value of species');
        species = offered[0];
        await panel.getByLabel('Value of fixed value 1').fill(species);
        await panel.getByLabel('Rows to sample').fill('50');
        await panel.getByRole('button', { name: 'Sample', exact: true }).click();
        await waitForSample(panel, '[data-testid=sample-summary]');
        const summary = panel.getByTestId('sample-summary');
        firstSeed = await summary.getAttribute('data-seed');
        console.log(`     ${(await summary.innerText()).replace(/\s+/g, ' ')}`);
        await checkSampledSpecies(panel, species, 50);
      },
    ],
    [
      'try-it-regenerate',
      async () => {
        const panel = page.getByRole('region', { name: 'Try it' });
        await panel.getByRole('button', { name: 'Regenerate' }).click();
        await waitForSample(panel, `[data-testid=sample-summary]:not([data-seed="${firstSeed}"])`);
        await checkSampledSpecies(panel, species, 50);
      },
    ],
    [
      'try-it-generate-200-like-this',
      async () => {
        const panel = page.getByRole('region', { name: 'Try it' });
        await panel.getByLabel('Rows in the batch').fill('200');
        await panel.getByRole('button', { name: 'Generate 200 like this' }).click();
        const queued = await panel.getByText(/^Batch #\d+ queued/).innerText();
        const id = /#(\d+)/.exec(queued)[1];
        check(queued.includes(`species = ${species}`), `the batch was queued as: ${queued}`);
        const scope = `[data-batch-id="${id}"]`;
        await waitForStatus(page, scope, 'COMPLETED', TRAIN_TIMEOUT, 'the batch like the sample');
        const shown = await page.locator(scope).innerText();
        check(/\b200 rows\b/.test(shown), `batch ${id} shows: ${shown.replace(/\s+/g, ' ')}`);
      },
    ],
    [
      'linked-tables-upload',
      async () => {
        await page.goto(`${BASE}/`);
        await page
          .getByLabel('New project')
          .fill(`Baseball ${new Date().toISOString().slice(0, 19)}`);
        await page.getByRole('button', { name: 'Create', exact: true }).click();
        await page.waitForURL(/\/projects\/\d+$/);
        for (const table of ['TeamsFranchises', 'Teams']) {
          await page.locator('#file-input').setInputFiles(join(DATASETS, 'lahman', `${table}.csv`));
          await page.getByTestId('upload-preview').waitFor();
          await page.getByRole('button', { name: 'Upload', exact: true }).click();
          await page.getByText(`Uploaded “${table}”`).waitFor({ timeout: 120_000 });
        }
        await page.getByRole('img', { name: 'Diagram of 2 tables and 0 links' }).waitFor();
      },
    ],
    [
      'linked-tables-suggest-and-declare',
      async () => {
        const section = page.getByRole('region', { name: 'Linked tables' });
        await section.getByRole('button', { name: 'Suggest links' }).click();
        const link = 'TeamsFranchises(franchID) ← Teams(franchID)';
        await section.getByRole('button', { name: `Use ${link}` }).click();
        const form = section.getByRole('form', { name: 'Declare the suggested link' });
        await form.getByLabel('Order child rows by (optional)').fill('yearID');
        await form.getByRole('button', { name: 'Declare the link' }).click();
        await section.getByRole('img', { name: 'Diagram of 2 tables and 1 links' }).waitFor();
        const declared = await section.getByRole('list', { name: 'Declared links' }).innerText();
        check(
          declared.includes(link) && declared.includes('ordered by yearID'),
          `declared: ${declared}`,
        );
      },
    ],
    [
      'database-model-train',
      async () => {
        const section = page.getByRole('region', { name: 'Synthetic databases' });
        const form = section.getByRole('form', { name: 'Train a database model' });
        await form.getByLabel('Algorithm').selectOption('TabularARGN');
        await form.getByText('Hyper-parameters and seed').click();
        // One short epoch of small networks: the journey checks the workflow, not the quality.
        await form.getByLabel(/^Max epochs/).fill('1');
        await form.getByLabel(/^Max training time/).fill('1');
        await form.getByLabel(/^Model size/).selectOption('small');
        await form.getByRole('button', { name: 'Train a database model' }).click();
        const model = section.getByTestId('database-model').first();
        await model.waitFor();
        databaseModelId = await model.getAttribute('data-database-model-id');
        const scope = `[data-database-model-id="${databaseModelId}"]`;
        await waitForStatus(page, scope, 'COMPLETED', TRAIN_TIMEOUT, 'the database model');
      },
    ],
    [
      'database-generate',
      async () => {
        const panel = page.getByRole('region', { name: `Databases of model ${databaseModelId}` });
        await panel.getByLabel(/^Scale/).fill('0.5');
        await panel.getByLabel('Seed (optional)').fill('3');
        await panel.getByRole('button', { name: 'Generate a database' }).click();
        const batch = panel.getByTestId('database-batch').first();
        await batch.waitFor();
        const id = await batch.getAttribute('data-database-batch-id');
        const scope = `[data-database-batch-id="${id}"]`;
        await waitForStatus(page, scope, 'COMPLETED', TRAIN_TIMEOUT, 'the database batch');
        const rows = await panel.getByRole('list', { name: `Rows of batch ${id}` }).innerText();
        check(
          /TeamsFranchises\s+[1-9][\d,]* rows/.test(rows) &&
            /\bTeams\s+[1-9][\d,]* rows/.test(rows),
          `batch ${id} shows: ${rows.replace(/\s+/g, ' ')}`,
        );
      },
    ],
  ];

  for (const [name, body] of journey) {
    // Each step needs the one before it, so the first failure ends the journey.
    if (!(await step(page, name, body))) {
      const skipped = journey.length - results.length;
      if (skipped > 0) console.error(`     ${skipped} later step(s) not run`);
      for (const [later] of journey.slice(results.length)) {
        results.push({ name: later, ok: false, error: new Error('not run') });
      }
      break;
    }
  }
  await browser.close();
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    await main();
  } catch (error) {
    console.error(`e2e could not run: ${error.message}`);
    results.push({ name: 'setup', ok: false, error });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}
