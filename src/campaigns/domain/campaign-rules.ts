// What makes a new campaign valid beyond the shape of its body (DOMAIN.md §2). Pure: the service reads
// the facts (questionnaire, touchpoints, previous wave) and this says everything wrong with them at once.
import type { Problem } from '../../questionnaires/domain/definition';
import { checkCampaignPeriod } from './campaign-period';

/**
 * The most visits a campaign may plan per touchpoint. A wave rarely plans more than a few dozen; a
 * thousand per touchpoint is a typo that would create assignments by the hundred thousand. Enforced by
 * the create body's validation (400 naming visitsPerTouchpoint); documented in the README (Campaigns).
 */
export const MAX_VISITS_PER_TOUCHPOINT = 100;

export interface NewCampaignFacts {
  clientId: string;
  startsOn: string;
  endsOn: string;
  questionnaire: { status: string; version: number; title: string };
  /** The touchpoint ids asked for, in the body's order. */
  touchpointIds: string[];
  /** The client of each asked-for touchpoint that exists. */
  touchpointClients: ReadonlyMap<string, string>;
  scenarioKeys: string[];
  /** The previous wave's client, when the body names one (it exists: a missing one is a 404 first). */
  previousCampaignClientId?: string;
}

/** Every problem of a new campaign, each naming its field. */
export function checkNewCampaign(facts: NewCampaignFacts): Problem[] {
  const problems: Problem[] = [];
  if (facts.questionnaire.status !== 'published') {
    problems.push({
      field: 'questionnaireId',
      reason: `version ${facts.questionnaire.version} of "${facts.questionnaire.title}" is a draft; publish it first`,
    });
  }
  problems.push(...checkCampaignPeriod(facts.startsOn, facts.endsOn));
  facts.touchpointIds.forEach((id, index) => {
    if (facts.touchpointClients.get(id) !== facts.clientId) {
      problems.push({ field: `touchpointIds[${index}]`, reason: `touchpoint ${id} is not a touchpoint of this client` });
    }
  });
  const firstIndexOfKey = new Map<string, number>();
  facts.scenarioKeys.forEach((key, index) => {
    const first = firstIndexOfKey.get(key);
    if (first !== undefined) {
      problems.push({ field: `scenarios[${index}].key`, reason: `scenario key "${key}" is already used by scenarios[${first}]` });
    } else {
      firstIndexOfKey.set(key, index);
    }
  });
  if (facts.previousCampaignClientId !== undefined && facts.previousCampaignClientId !== facts.clientId) {
    problems.push({ field: 'previousCampaignId', reason: 'the previous wave must be a campaign of the same client' });
  }
  return problems;
}
