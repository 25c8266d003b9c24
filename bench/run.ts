/// <reference path="../src/kpis/domain/jstat.d.ts" />
// `npm run bench`: runs each benchmark section against one freshly seeded database, prints a short table
// and writes bench/results/latest.json. A section is `{ name, run(ctx) }` returning flat-ish results, in a
// file of its own listed in SECTIONS (kpi, ingest, excel, pdf, program, web). Pass section names as arguments to run only
// those (e.g. `npm run bench -- kpi`); BENCH_VISITS=5000 seeds a small campaign for a quick try.
import { mkdirSync, writeFileSync } from 'fs';
import { cpus, loadavg } from 'os';
import { join } from 'path';
import { BenchContext, openBenchEnvironment, timed } from './context';
import { excelSection } from './excel';
import { ingestSection } from './ingest';
import { kpiSection } from './kpi';
import { pdfSection } from './pdf';
import { webSection } from './web';
import { programSection } from './program';

export type BenchResults = Record<string, unknown> & { met?: boolean };

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<BenchResults>;
}

const SECTIONS: BenchSection[] = [kpiSection, ingestSection, excelSection, pdfSection, programSection, webSection];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const sections = only.length ? SECTIONS.filter((section) => only.includes(section.name)) : SECTIONS;
  const log = (message: string) => console.log(`[bench] ${message}`);
  const environment = await openBenchEnvironment(log);
  const results: Record<string, BenchResults & { seconds: number }> = {};
  let failed = false;
  try {
    for (const section of sections) {
      log(`section ${section.name}…`);
      try {
        const { result, ms } = await timed(() => section.run(environment.context));
        results[section.name] = { ...result, seconds: Number((ms / 1000).toFixed(1)) };
      } catch (error) {
        failed = true;
        results[section.name] = { error: String(error instanceof Error ? error.stack : error), seconds: 0 };
      }
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
  const outputDir = join(__dirname, 'results');
  mkdirSync(outputDir, { recursive: true });
  // The figures depend on the machine and what else runs on it: say so next to them.
  const machine = { cpus: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)) };
  console.log(`machine: ${machine.cpus} CPUs, load average ${machine.loadAverage1m}`);
  const report = { generatedAt: new Date().toISOString(), node: process.version, machine, sections: results };
  writeFileSync(join(outputDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwritten ${join(outputDir, 'latest.json')}`);
  if (failed) process.exitCode = 1;
}

void main();
