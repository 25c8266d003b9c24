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
  /** Asked-for touchpoints that are retired (offered to no new campaign). */
  retiredTouchpointIds?: ReadonlySet<string>;
  /** The client is archived (takes no new campaigns). */
  clientArchived?: boolean;
  scenarioKeys: string[];
  /** The previous wave's client, when the body names one (it exists: a missing one is a 404 first). */
  previousCampaignClientId?: string;
}

/** Every problem of a new campaign, each naming its field. */
export function checkNewCampaign(facts: NewCampaignFacts): Problem[] {
  const problems: Problem[] = [];
  if (facts.clientArchived) problems.push({ field: 'clientId', reason: 'the client is archived; unarchive it first' });
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
    } else if (facts.retiredTouchpointIds?.has(id)) {
      problems.push({ field: `touchpointIds[${index}]`, reason: `touchpoint ${id} is retired and offered to no new campaign` });
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

/**
 * An active campaign's end date may only move later, to today or after (UTC date), and the period
 * stays within MAX_CAMPAIGN_DAYS. Every problem names endsOn.
 */
export function checkEndDateExtension(current: { startsOn: string; endsOn: string }, newEndsOn: string, today: string): Problem[] {
  if (newEndsOn <= current.endsOn) {
    return [{ field: 'endsOn', reason: `an active campaign's end can only move later than ${current.endsOn}` }];
  }
  if (newEndsOn < today) return [{ field: 'endsOn', reason: `${newEndsOn} has already passed (today is ${today})` }];
  return checkCampaignPeriod(current.startsOn, newEndsOn);
}
