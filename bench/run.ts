/// <reference path="../src/kpis/domain/jstat.d.ts" />
// `npm run bench`: runs each benchmark section against one freshly seeded database, prints a short table
// and merges the results into bench/results/latest.json. A section is `{ name, run(ctx) }` returning flat-ish
// results, in a file of its own listed in SECTIONS (kpi, ingest, excel, pdf, program, web). Pass section names as
// arguments to run only those (e.g. `npm run bench -- kpi`); BENCH_VISITS=5000 seeds a small campaign for a quick try.
//
// latest.json keeps every section's latest figures, whichever run produced them (see mergeResults):
//   sections.<name>            the latest run at the default size (100,000 visits): what the README quotes;
//   growth.<visits>.<name>     the latest run at each size, the default included (`BENCH_VISITS=1000000`…);
//   growthRatios["<visits>/100000"].<name>.<figure>
//                              each numeric figure of a size divided by the same figure at the default size.
// Each entry carries its own generatedAt, node, loadAverage1m and visits: sections run now replace their own
// entry, the others are kept as they were (with the machine's load when they ran, since other work skews them).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { cpus, loadavg } from 'os';
import { join } from 'path';
import { BenchContext, openBenchEnvironment, timed } from './context';
import { excelSection } from './excel';
import { ingestSection } from './ingest';
import { kpiSection } from './kpi';
import { pdfSection } from './pdf';
import { webSection } from './web';
import { programSection } from './program';
import { reportJobsSection } from './report-jobs';
import { DEFAULT_SEED } from './seed';

export type BenchResults = Record<string, unknown> & { met?: boolean };

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<BenchResults>;
}

/** One section's figures as stored in latest.json: when, where and at which size they were taken. */
export type StoredSection = BenchResults & { generatedAt: string; node: string; loadAverage1m: number; visits: number; seconds: number };

export interface BenchReport {
  generatedAt: string;
  machine: { cpus: number };
  sections: Record<string, StoredSection>;
  growth: Record<string, Record<string, StoredSection>>;
  growthRatios: Record<string, Record<string, Record<string, number>>>;
}

/** latest.json as found: this format, or one run's sections with the machine's load at the top (before the merge). */
type PreviousReport = Partial<Omit<BenchReport, 'sections' | 'machine'>> & {
  node?: string;
  machine?: { loadAverage1m?: number };
  sections?: Record<string, BenchResults & Partial<StoredSection>>;
};

const SECTIONS: BenchSection[] = [kpiSection, ingestSection, excelSection, pdfSection, programSection, webSection, reportJobsSection];

/** Figures that describe the run rather than grow with the data: no ratio for them. */
const NOT_RATIOS = new Set(['visits', 'runs', 'loadAverage1m']);

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const sections = only.length ? SECTIONS.filter((section) => only.includes(section.name)) : SECTIONS;
  const visits = Number(process.env.BENCH_VISITS ?? DEFAULT_SEED.visits);
  const log = (message: string) => console.log(`[bench] ${message}`);
  const environment = await openBenchEnvironment(log);
  const results: Record<string, StoredSection> = {};
  let failed = false;
  try {
    for (const section of sections) {
      log(`section ${section.name}…`);
      let result: BenchResults;
      let ms = 0;
      try {
        ({ result, ms } = await timed(() => section.run(environment.context)));
      } catch (error) {
        failed = true;
        result = { error: String(error instanceof Error ? error.stack : error) };
      }
      // The figures depend on the machine and what else runs on it: say so next to them.
      results[section.name] = {
        visits,
        ...result,
        seconds: Number((ms / 1000).toFixed(1)),
        generatedAt: new Date().toISOString(),
        node: process.version,
        loadAverage1m: Number(loadavg()[0].toFixed(2)),
      };
    }
  } finally {
    await environment.close();
  }

  console.log('\nsection  metric                              value');
  for (const [name, result] of Object.entries(results)) {
    for (const [metric, value] of Object.entries(result)) {
      if (typeof value === 'object' && value !== null) continue;
      console.log(`${name.padEnd(8)} ${metric.padEnd(35)} ${String(value)}`);
    }
  }
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}`);
  const outputDir = join(__dirname, 'results');
  const file = join(outputDir, 'latest.json');
  mkdirSync(outputDir, { recursive: true });
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PreviousReport) : {};
  const report = mergeResults(previous, results, visits, DEFAULT_SEED.visits);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nmerged into ${file}`);
  if (failed) process.exitCode = 1;
}

/**
 * The report after this run: its sections replace their own entries (in `sections` at the default size, and in
 * `growth` at every size), everything else is kept; the ratios are worked out again from `growth`. A failed
 * section is stored too (with its error), so a broken run never passes for the figures of an earlier one.
 */
export function mergeResults(
  previous: PreviousReport,
  results: Record<string, StoredSection>,
  visits: number,
  defaultVisits: number,
): BenchReport {
  // Sections of a file written before the merge take that run's time and load.
  const sections: Record<string, StoredSection> = {};
  for (const [name, entry] of Object.entries(previous.sections ?? {})) {
    sections[name] = {
      ...entry,
      generatedAt: entry.generatedAt ?? previous.generatedAt ?? '',
      node: entry.node ?? previous.node ?? '',
      loadAverage1m: entry.loadAverage1m ?? previous.machine?.loadAverage1m ?? NaN,
      visits: entry.visits ?? defaultVisits,
      seconds: entry.seconds ?? 0,
    };
  }
  const growth: BenchReport['growth'] = structuredClone(previous.growth ?? {});
  const size = String(visits);
  for (const [name, result] of Object.entries(results)) {
    if (visits === defaultVisits) sections[name] = result;
    growth[size] = { ...growth[size], [name]: result };
  }

  const growthRatios: BenchReport['growthRatios'] = {};
  const base = growth[String(defaultVisits)] ?? {};
  for (const [otherSize, bySection] of Object.entries(growth)) {
    if (otherSize === String(defaultVisits)) continue;
    const ratios: Record<string, Record<string, number>> = {};
    for (const [name, result] of Object.entries(bySection)) {
      const reference = base[name];
      if (!reference || 'error' in reference || 'error' in result) continue;
      ratios[name] = {};
      for (const [figure, value] of Object.entries(result)) {
        const referenceValue = reference[figure];
        if (NOT_RATIOS.has(figure) || typeof value !== 'number' || typeof referenceValue !== 'number' || referenceValue === 0) continue;
        ratios[name][figure] = Math.round((value / referenceValue) * 100) / 100;
      }
    }
    if (Object.keys(ratios).length) growthRatios[`${otherSize}/${defaultVisits}`] = ratios;
  }
  return { generatedAt: new Date().toISOString(), machine: { cpus: cpus().length }, sections, growth, growthRatios };
}

if (require.main === module) void main();
