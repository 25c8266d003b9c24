// PDF section: the report download of the seeded campaign through ExportsService.pdf (the KPI model for a
// client user, then renderPdf), the median of 3 runs, with renderPdf alone on a model built once beside it.
// Target: the whole download < 2 s.
import { randomUUID } from 'crypto';
import type { AuthUser } from '../src/common/auth/auth-user';
import { ReportQueryDto } from '../src/exports/dto/report-query.dto';
import { ExportsService } from '../src/exports/exports.service';
import { renderPdf, resolveReportLanguage } from '../src/exports';
import { KpisService } from '../src/kpis/kpis.service';
import { median, round, timed } from './context';
import { seededCampaign } from './kpi';
import type { BenchSection } from './run';

const RUNS = 3;
const TARGET_MS = 2000;

export const pdfSection: BenchSection = {
  name: 'pdf',
  async run(ctx) {
    const campaign = await seededCampaign(ctx);
    const kpis = new KpisService(ctx.dataSource);
    const exports = new ExportsService(kpis, ctx.dataSource);
    const clientUser: AuthUser = {
      id: randomUUID(),
      email: 'client@bench.local',
      role: 'client',
      clientId: campaign.clientId,
      name: 'Client',
    };
    const download = () => exports.pdf(clientUser, campaign.campaignId, new ReportQueryDto());

    const warm = await download(); // fonts, charts, plans
    const model = await kpis.buildModel(clientUser, campaign.campaignId, {});
    const language = resolveReportLanguage(undefined, model.campaign.language);
    const times = { download: [] as number[], render: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      times.download.push((await timed(download)).ms);
      times.render.push((await timed(() => renderPdf(model, language))).ms);
    }
    const downloadMs = median(times.download);
    return {
      visits: campaign.visits,
      pdfKb: Math.round(warm.body.length / 1024),
      downloadMedianMs: round(downloadMs),
      renderMedianMs: round(median(times.render)),
      runs: RUNS,
      allRunsMs: { download: times.download.map(round), render: times.render.map(round) },
      targets: { ms: TARGET_MS },
      met: downloadMs < TARGET_MS,
    };
  },
};
