// One wave's field work, through the API: the consultant gives each open job to a shopper
// (round-robin, keeping the scheduling rules), the shopper submits the report right away (so nobody
// holds more than one job at a time), and the consultant reviews it: most are approved as they are,
// a few are returned and resubmitted first, a few corrected with a reason.
import { randomUUID } from 'crypto';
import { DateTime } from 'luxon';
import seedrandom from 'seedrandom';
import sharp from 'sharp';
import { openPeriodsOn, type OpeningHours } from '../../src/clients/domain/opening-hours';
import { generateVisit, pick, type Answer, type SectionView } from './answers';
import { Api, ApiError, inParallel } from './http';
import type { TouchpointSeed } from './program';

export interface Assignment {
  id: string;
  campaignId: string;
  touchpoint: { id: string; name: string; channel: string };
  scenario: { key: string; title: string } | null;
  windowStart: string;
  windowEnd: string;
  plannedAt: string;
  status: string;
}

export interface Shopper {
  id: string;
  email: string;
  token: string;
  /** Signs some narratives (see answers.ts). */
  name?: string;
}

export interface WaveCampaign {
  id: string;
  key: string;
  sections: SectionView[];
  /** Section key → change against the first wave (0 in the first wave). */
  waveShift: Record<string, number>;
  /** Question key → change at one touchpoint (the effect of the action plan on what it targeted); none by default. */
  questionShift?: (touchpoint: TouchpointSeed) => Record<string, number>;
}

export interface TouchpointRecord {
  id: string;
  seed: TouchpointSeed;
  timeZone: string;
  openingHours: OpeningHours | null;
}

export interface FieldworkStats {
  visits: number;
  knockouts: number;
  returned: number;
  edited: number;
  skipped: number;
}

const RETURN_COMMENTS = [
  'Falta detallar en el relato cuánto tiempo esperó y quién le atendió; complételo, por favor.',
  'El relato no explica qué respuesta le dieron sobre las condiciones; añádalo y vuelva a enviarlo.',
  'Revise la hora de la visita y describa mejor el cierre de la atención.',
];
const RESUBMIT_ADDITIONS = [
  'Completo a petición de la consultora: la persona que me atendió llevaba la identificación visible y la atención duró unos diez minutos.',
  'Añado lo que faltaba: me explicaron las condiciones de forma resumida y me dieron un folleto.',
  'Precisión: la visita fue a la hora indicada y al final me preguntaron si tenía más dudas.',
];

export async function runFieldwork(options: {
  api: Api;
  consultantToken: string;
  campaigns: WaveCampaign[];
  touchpoints: Map<string, TouchpointRecord>;
  shoppers: Shopper[];
  maxVisitsPerDay: number;
  wave: number;
  log: (line: string) => void;
}): Promise<FieldworkStats> {
  const { api, consultantToken, campaigns, touchpoints, shoppers, wave, log } = options;
  const stats: FieldworkStats = { visits: 0, knockouts: 0, returned: 0, edited: 0, skipped: 0 };
  const campaignById = new Map(campaigns.map((campaign) => [campaign.id, campaign]));

  const jobs: Assignment[] = [];
  for (const campaign of campaigns) {
    for (let offset = 0; ; offset += 500) {
      const page = await api.get<Assignment[]>(
        `/assignments?campaignId=${campaign.id}&status=open&limit=500&offset=${offset}`,
        consultantToken,
      );
      jobs.push(...page);
      if (page.length < 500) break;
    }
  }
  // A stable order (touchpoint, planned time), then shuffled with a seed so shoppers' days mix channels.
  jobs.sort(
    (a, b) => a.touchpoint.name.localeCompare(b.touchpoint.name) || a.plannedAt.localeCompare(b.plannedAt) || a.id.localeCompare(b.id),
  );
  const order = seedrandom(`incognito-demo-order-${wave}`);
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = Math.floor(order() * (i + 1));
    [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
  }

  // Round-robin over the shoppers, least busy first, never the same touchpoint twice for one shopper
  // (rotation) and never more than the per-day limit (days in the touchpoint's time zone, as the
  // server counts them); the server checks the same rules and would answer 409.
  const visitedBy = new Map<string, Set<string>>(shoppers.map((shopper) => [shopper.id, new Set()]));
  const perDay = new Map<string, number>();
  let cursor = 0;
  const chooseShopper = (job: Assignment, timeZone: string): Shopper | undefined => {
    const day = DateTime.fromISO(job.plannedAt).setZone(timeZone).toISODate();
    let best: { shopper: Shopper; count: number } | undefined;
    for (let tries = 0; tries < shoppers.length; tries++) {
      const shopper = shoppers[(cursor + tries) % shoppers.length];
      const count = perDay.get(`${shopper.id}:${day}`) ?? 0;
      if (visitedBy.get(shopper.id)!.has(job.touchpoint.id) || count >= options.maxVisitsPerDay) continue;
      if (!best || count < best.count) best = { shopper, count };
    }
    cursor++;
    if (!best) return undefined;
    visitedBy.get(best.shopper.id)!.add(job.touchpoint.id);
    perDay.set(`${best.shopper.id}:${day}`, best.count + 1);
    return best.shopper;
  };

  const now = Date.now();
  let done = 0;
  await inParallel(jobs, 4, async (job, index) => {
    const campaign = campaignById.get(job.campaignId)!;
    const touchpoint = touchpoints.get(job.touchpoint.id)!;
    const visitedAt = chooseVisitedAt(job, touchpoint, now, seedrandom(`visit-time-${wave}-${index}`));
    if (!visitedAt) {
      stats.skipped++;
      return;
    }
    const shopper = chooseShopper(job, touchpoint.timeZone);
    if (!shopper) {
      stats.skipped++;
      return;
    }
    await api.post(`/assignments/${job.id}/assign`, consultantToken, { shopperId: shopper.id });

    const random = seedrandom(`incognito-demo-${wave}-${campaign.key}-${touchpoint.seed.key}-${index}`);
    const sectionShift: Record<string, number> = { ...touchpoint.seed.bias };
    for (const [section, change] of Object.entries(campaign.waveShift)) sectionShift[section] = (sectionShift[section] ?? 0) + change;
    const visit = generateVisit(campaign.sections, {
      channel: touchpoint.seed.channel,
      touchpointName: touchpoint.seed.name,
      scenarioTitle: job.scenario?.title ?? null,
      quality: touchpoint.seed.quality,
      sectionShift,
      questionShift: campaign.questionShift?.(touchpoint.seed),
      random,
      visitedAt,
      shopperName: shopper.name,
    });
    const answers = await attachEvidence(api, shopper, job.id, campaign.sections, visit.answers, seedrandom(`evidence-${wave}-${index}`));
    const body = {
      visitedAt: visitedAt.toISOString(),
      answers,
      narrative: visit.narrative,
      expenses: expensesFor(touchpoint.seed.channel, random),
    };
    let submitted = await submit(api, shopper, job.id, body);
    if (submitted.knockout) stats.knockouts++;

    const review = random();
    if (review < 0.03) {
      // Returned for more detail, resubmitted by the shopper (a new request: a new Idempotency-Key).
      await api.post(`/visit-reports/${submitted.id}/return`, consultantToken, { comment: pick(random, RETURN_COMMENTS) });
      const corrected = { ...body, narrative: `${body.narrative} ${pick(random, RESUBMIT_ADDITIONS)}` };
      submitted = await submit(api, shopper, job.id, corrected);
      stats.returned++;
    } else if (review < 0.06) {
      const edit = reviewerEdit(visit.answers);
      if (edit) {
        await api.request('PATCH', `/visit-reports/${submitted.id}`, {
          token: consultantToken,
          body: { version: submitted.version, answers: [edit.answer], reason: edit.reason },
        });
        stats.edited++;
      }
    }
    await api.post(`/visit-reports/${submitted.id}/approve`, consultantToken);
    stats.visits++;
    done++;
    if (done % 50 === 0) log(`  … ${done} visits submitted, reviewed and approved`);
  });
  return stats;
}

/**
 * An evidence answer is the id of a file uploaded to the assignment: each generated file name becomes a
 * small file of its kind (a PDF for `.pdf`, else a PNG of a random colour, so no two visits share one)
 * uploaded first, and the answer names its id.
 */
async function attachEvidence(
  api: Api,
  shopper: Shopper,
  assignmentId: string,
  sections: SectionView[],
  answers: Answer[],
  random: () => number,
): Promise<Answer[]> {
  const evidenceKeys = new Set(
    sections.flatMap((section) => section.questions.filter((question) => question.type === 'evidence').map((question) => question.key)),
  );
  return Promise.all(
    answers.map(async (answer) => {
      if (!evidenceKeys.has(answer.questionKey) || typeof answer.value !== 'string') return answer;
      const name = answer.value;
      const file = name.endsWith('.pdf')
        ? {
            name,
            type: 'application/pdf',
            content: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1'),
          }
        : {
            name,
            type: 'image/png',
            content: await sharp({
              create: {
                width: 8,
                height: 8,
                channels: 3,
                background: { r: Math.floor(random() * 256), g: Math.floor(random() * 256), b: Math.floor(random() * 256) },
              },
            })
              .png()
              .toBuffer(),
          };
      const uploaded = await api.upload<{ id: string }>(`/assignments/${assignmentId}/evidence`, shopper.token, file);
      return { ...answer, value: uploaded.id };
    }),
  );
}

async function submit(
  api: Api,
  shopper: Shopper,
  assignmentId: string,
  body: unknown,
): Promise<{ id: string; version: number; knockout: boolean }> {
  const key = randomUUID();
  try {
    return await api.post(`/assignments/${assignmentId}/report`, shopper.token, body, { 'Idempotency-Key': key });
  } catch (error) {
    // A dropped connection is retried with the same key, as the API promises that is safe.
    if (error instanceof ApiError) throw error;
    return api.post(`/assignments/${assignmentId}/report`, shopper.token, body, { 'Idempotency-Key': key });
  }
}

/**
 * When the shopper went: at the planned time when it has passed, otherwise a random open minute of
 * the window before now (the API refuses visits in the future). Undefined when the window has no
 * time before now yet.
 */
function chooseVisitedAt(job: Assignment, touchpoint: TouchpointRecord, now: number, random: () => number): Date | undefined {
  const latest = now - 3 * 60_000;
  const start = Date.parse(job.windowStart);
  const end = Math.min(Date.parse(job.windowEnd), latest);
  if (end <= start) return undefined;
  const planned = Date.parse(job.plannedAt);
  if (planned >= start && planned < end) return new Date(planned);
  const periods: Array<{ start: number; end: number }> = [];
  for (
    let day = DateTime.fromMillis(start, { zone: touchpoint.timeZone }).startOf('day');
    day.toMillis() < end;
    day = day.plus({ days: 1 })
  ) {
    for (const period of openPeriodsOn(day, touchpoint.openingHours)) {
      const from = Math.max(period.start, start);
      const to = Math.min(period.end, end);
      if (to > from) periods.push({ start: from, end: to });
    }
  }
  const total = periods.reduce((sum, period) => sum + (period.end - period.start), 0);
  if (total === 0) return new Date(start + Math.floor(random() * (end - start)));
  let offset = Math.floor(random() * total);
  for (const period of periods) {
    if (offset < period.end - period.start) return new Date(period.start + offset);
    offset -= period.end - period.start;
  }
  return new Date(periods[periods.length - 1].start);
}

function expensesFor(channel: string, random: () => number): number {
  if (channel !== 'in_person') return 0;
  return Math.round((2 + random() * 6) * 100) / 100; // bus or metro tickets
}

/** A reviewer's correction: the evidence shows that a "no" the shopper gave was in fact a "yes". */
function reviewerEdit(answers: Answer[]): { answer: Answer; reason: string } | undefined {
  const candidates: Record<string, string> = {
    greeting: 'La grabación/captura adjunta muestra el saludo; se corrige la respuesta del shopper.',
    closing: 'Según la transcripción, sí se ofreció ayuda adicional al final; se corrige.',
    identification: 'En la foto del ticket figura el nombre del empleado; se corrige la identificación.',
    farewell: 'El shopper confirma por teléfono que hubo despedida cordial; se corrige.',
  };
  const answer = answers.find((candidate) => candidate.questionKey in candidates && candidate.value === false);
  if (!answer) return undefined;
  return { answer: { questionKey: answer.questionKey, value: true }, reason: candidates[answer.questionKey] };
}
