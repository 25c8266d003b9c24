// DEPRECATED, kept only for test/web/program-seed.ts (being written at the same time): the KPI-era shapes
// of the table factories (positional ids, returning the id). Every row is written by tables.factory.ts;
// delete this file once that seed calls tables.factory.ts directly. No new caller.
import { DataSource } from 'typeorm';
import type { Channel, QuestionnaireDefinition } from '../../src/questionnaires/domain/definition';
import * as tables from './tables.factory';

export type AnswerRowInput = tables.GivenAnswerRow;

/** @deprecated use insertClient of tables.factory.ts */
export async function insertClient(db: DataSource, name?: string): Promise<string> {
  return (await tables.insertClient(db, { name })).id;
}

/** @deprecated use insertTouchpoint of tables.factory.ts (here: region North, no city) */
export async function insertTouchpoint(
  db: DataSource,
  clientId: string,
  overrides: { name?: string; channel?: string; region?: string; city?: string | null } = {},
): Promise<string> {
  const { name = 'Touchpoint', channel = 'in_person', region = 'North', city = null } = overrides;
  return (await tables.insertTouchpoint(db, { clientId, name, channel: channel as Channel, region, city })).id;
}

/** @deprecated use insertQuestionnaire of tables.factory.ts */
export async function insertQuestionnaire(db: DataSource, definition: { title: string; language: string }): Promise<string> {
  return (await tables.insertQuestionnaire(db, { definition: definition as QuestionnaireDefinition })).id;
}

/** @deprecated use insertCampaign of tables.factory.ts (here: an active March 2026 wave without scenarios) */
export async function insertCampaign(
  db: DataSource,
  input: Omit<tables.CampaignInput, 'status'> & { touchpointIds: string[]; status?: string },
): Promise<string> {
  const campaign = await tables.insertCampaign(db, {
    ...input,
    name: input.name ?? 'Campaign',
    startsOn: input.startsOn ?? '2026-03-01',
    endsOn: input.endsOn ?? '2026-03-31',
    status: (input.status ?? 'active') as tables.CampaignInput['status'],
    scenarios: input.scenarios ?? [],
  });
  return campaign.id;
}

/** @deprecated use insertVisitWithGivenScores of tables.factory.ts */
export async function insertVisit(db: DataSource, input: tables.VisitWithGivenScoresInput): Promise<string> {
  return (await tables.insertVisitWithGivenScores(db, input)).id;
}
