// How well an open job fits a shopper's profile (what they cover), for ordering the job board: the
// channel they work weighs most, then the region and city they cover, then the questionnaire's
// language. Only the order changes: the assignment rules still decide what a shopper may claim.

/** Weights of the fit score: a channel match outranks a place match, which outranks the language. */
export const FIT_WEIGHTS = { channel: 4, region: 2, city: 2, language: 1 } as const;

/**
 * The fit score as SQL over the board's aliases (a assignment, c campaign, t touchpoint), for the
 * profile given as an SQL expression (jsonb {regions, cities, languages, channels}).
 */
export function jobFitSql(profile: string): string {
  const has = (list: string, match: string) =>
    `EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce((${profile})->'${list}', '[]'::jsonb)) x WHERE ${match})`;
  return `(
    (CASE WHEN ${has('channels', 'x = t.channel')} THEN ${FIT_WEIGHTS.channel} ELSE 0 END) +
    (CASE WHEN ${has('regions', 'lower(x) = lower(t.region)')} THEN ${FIT_WEIGHTS.region} ELSE 0 END) +
    (CASE WHEN t.city IS NOT NULL AND ${has('cities', 'lower(x) = lower(t.city)')} THEN ${FIT_WEIGHTS.city} ELSE 0 END) +
    (CASE WHEN ${has('languages', `split_part(x, '-', 1) = (SELECT split_part(q.language, '-', 1) FROM questionnaires q WHERE q.id = c.questionnaire_id)`)}
          THEN ${FIT_WEIGHTS.language} ELSE 0 END))`;
}
