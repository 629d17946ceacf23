/**
 * "Frontend" (issue #7): the dashboard's initial bundle, raw and gzipped, against the 250 kB
 * budget; and Lighthouse's performance score of the campaign overview, signed in, in Debian's
 * Chromium with the mobile preset — the median of 3 runs, a noisy figure and not a gate.
 *
 * The bundle is the production build in frontend/dist/demarche/browser (built first when missing
 * or older than its sources, as `npm start` does). Lighthouse runs against the server at
 * `baseUrl`, which should serve that build (the note says when its index.html differs); without
 * one, against the product started for the purpose on that build (product.ts), then stopped.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags } from 'lighthouse';
import { formatMs, type Figure } from '../common/report.js';
import { BACKEND, REPO } from '../common/processes.js';
import { startProduct, type Product } from './product.js';

const SECTION = 'Frontend';
/** Angular's budgets count kB of 1,000 bytes. */
const BUDGET_BYTES = 250_000;
const SCORE_TARGET = 95;
/** Lighthouse runs that may fail (and run again) before the benchmark gives up. */
const MAX_FAILED_RUNS = 3;
const CHROME_PATH = process.env.CHROME_BIN ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface FrontendBenchOptions {
  /**
   * The running product (the API serving the built dashboard, with the demo data), e.g.
   * http://127.0.0.1:3000. Without it, one is started on a database of its own and stopped after.
   */
  readonly baseUrl?: string;
  /** The demo logins file that server wrote (default: $DEMO_LOGINS_FILE, else the server's default). */
  readonly loginsFile?: string;
  /** Lighthouse runs; the median is reported (default 3). */
  readonly runs?: number;
  /** The built dashboard to measure (default frontend/dist/demarche/browser, built if stale). */
  readonly browserDir?: string;
  /** Where to save each run's Lighthouse report (JSON), to see where the time goes. */
  readonly reportDir?: string;
}

export async function benchFrontend(options: FrontendBenchOptions = {}): Promise<Figure[]> {
  const browserDir = options.browserDir ? resolve(options.browserDir) : await productionBuild();
  const bundle = initialBundle(browserDir);
  let product: Product | undefined;
  if (!options.baseUrl) product = await startProduct(browserDir);
  try {
    return [...bundleFigures(bundle), ...(await lighthouseFigures(bundle, options, product))];
  } finally {
    await product?.stop();
  }
}

function bundleFigures(bundle: Bundle): Figure[] {
  console.log(
    `frontend: initial bundle ${kB(bundle.raw)} raw, ${kB(bundle.gzip)} gzip, ${kB(bundle.brotli)} brotli (${bundle.files.length} files)`,
  );
  return [
    {
      section: SECTION,
      name: 'initial bundle (raw)',
      value: kB(bundle.raw),
      target: '≤ 250 kB',
      met: bundle.raw <= BUDGET_BYTES,
      note: `${bundle.files.length} files: index.html's module script, modulepreloads and stylesheet, and their static imports (kB = 1,000 bytes, as Angular's budgets)`,
    },
    {
      section: SECTION,
      name: 'initial bundle (gzip -9)',
      value: kB(bundle.gzip),
      note: 'each file gzipped at level 9 with node:zlib, summed',
    },
    {
      section: SECTION,
      name: 'initial bundle (as served, brotli)',
      value: kB(bundle.brotli),
      note: 'the .br files the build writes beside each file (frontend/scripts/precompress.mjs), which the API sends to browsers that accept brotli; summed',
    },
  ];
}

async function lighthouseFigures(bundle: Bundle, options: FrontendBenchOptions, product: Product | undefined): Promise<Figure[]> {
  const baseUrl = (product?.baseUrl ?? options.baseUrl ?? '').replace(/\/+$/, '');
  const served = await servedMainScript(baseUrl);
  const sameBuild = served === bundle.main;
  const figures: Figure[] = [];
  const session = await signIn(baseUrl, product?.loginsFile ?? loginsFile(options.loginsFile));
  try {
    const campaign = await overviewCampaign(baseUrl, session.cookie);
    const url = `${baseUrl}/campaigns/${campaign.id}`;
    const runs: LighthouseRun[] = [];
    let failures = 0;
    while (runs.length < (options.runs ?? 3)) {
      const n = runs.length + 1;
      const reportFile = options.reportDir ? join(resolve(options.reportDir), `lighthouse-${n}.json`) : undefined;
      try {
        const run = await lighthouseRun(url, session.cookie, reportFile);
        console.log(
          `frontend: Lighthouse run ${n}: score ${run.score}, LCP ${formatMs(run.lcp)}, TBT ${formatMs(run.tbt)}, CLS ${run.cls.toFixed(3)}`,
        );
        runs.push(run);
      } catch (error) {
        // Lighthouse now and then fails to record a trace (NO_NAVSTART…): run again, a few times.
        if (++failures > MAX_FAILED_RUNS) throw error;
        console.log(`frontend: Lighthouse run ${n} failed, running it again: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const score = median(runs.map((r) => r.score));
    const where = `/campaigns/:id ("${campaign.title}") signed in as the demo coordinator`;
    figures.push(
      {
        section: SECTION,
        name: `Lighthouse performance (median of ${runs.length})`,
        value: String(score),
        target: `≥ ${SCORE_TARGET}`,
        met: score >= SCORE_TARGET,
        note:
          `a noisy figure, not a gate: runs ${runs.map((r) => r.score).join(', ')}${failures ? ` (${failures} failed and ran again)` : ''}; ` +
          `Lighthouse ${runs[0]?.version ?? '?'}, ` +
          `mobile preset (simulated throttling), performance only, ${where}; ` +
          `CPU benchmark index ${Math.round(median(runs.map((r) => r.benchmarkIndex)))} (the machine's load weighs on the score)` +
          (sameBuild ? '' : `; NB the server serves ${served ?? 'no index.html'}, not this build's ${bundle.main}`),
      },
      { section: SECTION, name: 'Largest Contentful Paint (median)', value: seconds(median(runs.map((r) => r.lcp))) },
      { section: SECTION, name: 'Total Blocking Time (median)', value: formatMs(median(runs.map((r) => r.tbt))) },
      { section: SECTION, name: 'Cumulative Layout Shift (median)', value: median(runs.map((r) => r.cls)).toFixed(3) },
    );
  } finally {
    await signOut(baseUrl, session);
  }
  return figures;
}

// --- The initial bundle ---------------------------------------------------------------------

interface Bundle {
  readonly files: readonly string[];
  readonly raw: number;
  readonly gzip: number;
  /** The pre-compressed `.br` files the server sends (the raw size where the build wrote none). */
  readonly brotli: number;
  /** The module script of index.html (main-<hash>.js). */
  readonly main: string;
}

/** frontend/dist/demarche/browser, built first if missing or stale (backend/scripts/build-if-stale.mjs). */
async function productionBuild(): Promise<string> {
  const { buildIfStale } = (await import(pathToFileURL(join(BACKEND, 'scripts/build-if-stale.mjs')).href)) as {
    buildIfStale: (options: { only: string[] }) => void;
  };
  buildIfStale({ only: ['@demarche/shared', '@demarche/frontend'] });
  return resolve(REPO, 'frontend/dist/demarche/browser');
}

/**
 * What the browser must load before the dashboard starts, as Angular's "initial" budget counts it:
 * the module script, the modulepreloads and the stylesheets of index.html, and every file those
 * scripts import statically (`import … from "./chunk-….js"`; not `import()`, which is lazy).
 */
export function initialBundle(browserDir: string): Bundle {
  const html = readFileSync(join(browserDir, 'index.html'), 'utf8');
  const main = moduleScript(html);
  if (!main) throw new Error(`No <script type="module"> in ${join(browserDir, 'index.html')}`);
  const links = (rel: string) =>
    tags(html, 'link')
      .filter((t) => attr(t, 'rel') === rel)
      .map((t) => attr(t, 'href'));

  const files = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(join(browserDir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+)["']/g)) visit(m[1]!);
  };
  for (const file of [main, ...links('modulepreload'), ...links('stylesheet')]) if (file) visit(file.replace(/^\.?\//, ''));

  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const content = readFileSync(join(browserDir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
    const br = join(browserDir, `${file}.br`);
    brotli += existsSync(br) ? statSync(br).size : content.length;
  }
  return { files: [...files], raw, gzip, brotli, main };
}

/** The module script of the index.html the server serves, to tell whether it is the build measured. */
async function servedMainScript(baseUrl: string): Promise<string | undefined> {
  try {
    return moduleScript(await (await fetch(`${baseUrl}/`)).text());
  } catch {
    return undefined;
  }
}

function moduleScript(html: string): string | undefined {
  return tags(html, 'script')
    .filter((t) => attr(t, 'type') === 'module')
    .map((t) => attr(t, 'src'))
    .find(Boolean);
}

function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];
}

// --- Signing in ------------------------------------------------------------------------------

interface Session {
  /** `name=value` of the session cookie. */
  readonly cookie: string;
  readonly csrfToken: string;
}

function loginsFile(given: string | undefined): string {
  return resolve(given ?? process.env.DEMO_LOGINS_FILE ?? resolve(REPO, '.demarche/demo-logins.txt'));
}

/**
 * The demo coordinator's e-mail and password, from the file the server writes at first start
 * (format: frontend/e2e/demo-logins.ts — `#` comments, a `role email password` header, one line
 * per account).
 */
function demoCoordinator(path: string): { email: string; password: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the demo logins file ${path} (the server writes it at first start; --logins-file)`, { cause: error });
  }
  for (const line of text.split(/\r?\n/)) {
    const [role, email, password] = line.trim().split(/\s+/);
    if (role === 'coordinator' && email && password) return { email, password };
  }
  throw new Error(`No coordinator in the demo logins file ${path}`);
}

/** Signs in through the API, as the sign-in page does; the session cookie then goes to Lighthouse. */
async function signIn(baseUrl: string, path: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(demoCoordinator(path)),
  });
  if (!response.ok) throw new Error(`Signing in as the demo coordinator failed: HTTP ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .join('; ');
  if (!cookie) throw new Error('Signing in set no cookie');
  return { cookie, csrfToken };
}

/** Ends the session the benchmark opened (a failure only leaves it to expire). */
async function signOut(baseUrl: string, session: Session): Promise<void> {
  try {
    await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken } });
  } catch {
    // the session expires by itself
  }
}

/** The demo campaign (the example one), else the first the coordinator sees. */
async function overviewCampaign(baseUrl: string, cookie: string): Promise<{ id: string; title: string }> {
  const response = await fetch(`${baseUrl}/api/campaigns?limit=200`, { headers: { Cookie: cookie } });
  if (!response.ok) throw new Error(`GET /api/campaigns failed: HTTP ${response.status}`);
  const { items } = (await response.json()) as { items: { id: string; title: string; isExample?: boolean }[] };
  const campaign = items.find((c) => c.isExample) ?? items[0];
  if (!campaign) throw new Error('The demo coordinator sees no campaign: is the demo data loaded?');
  return campaign;
}

// --- Lighthouse ------------------------------------------------------------------------------

interface LighthouseRun {
  /** 0–100. */
  readonly score: number;
  readonly lcp: number;
  readonly tbt: number;
  readonly cls: number;
  readonly version: string;
  /** Lighthouse's measure of the machine's CPU during the run (higher is faster). */
  readonly benchmarkIndex: number;
}

/** One Lighthouse run in a fresh Chromium: the default (mobile) config, performance only. */
async function lighthouseRun(url: string, cookie: string, reportFile: string | undefined): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    // `enableErrorReporting` is read by Lighthouse's CLI only (its Sentry); stated for the record.
    const flags: Flags & { enableErrorReporting: false } = {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: ['performance'],
      extraHeaders: { Cookie: cookie },
      enableErrorReporting: false,
    };
    const result = await lighthouse(url, flags);
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (reportFile) {
      mkdirSync(dirname(reportFile), { recursive: true });
      writeFileSync(reportFile, JSON.stringify(lhr, null, 1));
    }
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const metric = (id: string): number => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse reported no ${id}`);
      return value;
    };
    const score = lhr.categories['performance']?.score;
    if (score === null || score === undefined) throw new Error('Lighthouse reported no performance score');
    return {
      score: Math.round(score * 100),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      version: lhr.lighthouseVersion,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    };
  } finally {
    chrome.kill();
  }
}

// --- Formatting ------------------------------------------------------------------------------

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(2)} kB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
