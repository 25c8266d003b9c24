// Builds the KPI model (docs/api.md "Results", docs/kpis.md §5): the one source of the JSON endpoint, the PDF
// and the Excel report. PostgreSQL aggregates (kpi-queries.ts); the pure domain helpers turn the
// aggregates into statistics, rankings and texts. Exports call buildModel directly: the access rules
// live here, not in the controller.
import { Inject, Injectable } from '@nestjs/common';
import { ReadDatabase, type ReadQueries } from '../database/read-database';
import { AuthUser, isStaff } from '../common/auth/auth-user';
import { assertCanReadClientData } from '../common/access/access';
import { forbidden, notFound } from '../common/errors/domain-error';
import {
  Channel,
  CHANNELS,
  isScoredQuestion,
  listQuestions,
  QuestionnaireDefinition,
  timingMetricOf,
} from '../questionnaires/domain/definition';
import { answerDistribution, AnswerValueCount, DISTRIBUTED_TYPES } from './domain/answer-distribution';
import { answerFromPoints, answerIsReadFromPoints, queriedQuestionKeys } from './domain/answer-from-points';
import { crossChannelConsistency } from './domain/consistency';
import { scoreHistogram } from './domain/distribution';
import { DEFAULT_STRENGTH_COMPLIANCE, QuestionResult, rankRecommendations, rankStrengths, targetsReport } from './domain/recommendations';
import { compareWaves, confidenceInterval95, Sample } from './domain/statistics';
import { DEFAULT_TOP_TERMS, sentimentFromScore, topTerms } from './domain/text-analysis';
import { isNamePart, maskPersonalData, namePartsOf } from './domain/masking';
import { polarityOf } from './domain/sentiment';
import { compileThemes, CompiledTheme, summarizeThemes, themeShares, ThemeShares, themesOf } from './domain/themes';
import { AnswerGroupRow, BreakdownRow, CampaignRow, KpiQueries, QualitativeRows, SamplesResult } from './kpi-queries';
import { includesUnapproved, VisitScope, visitScope } from './visit-scope';
import type { KpiFilters, KpiModel } from './kpi-model';

/** The comment group of the visits' narratives, which belong to no section. */
export const NARRATIVE_SECTION_KEY = 'narrative';

const percentage = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);

/** Rankings: best mean first, groups without a mean last, ties by label. */
function byMeanDescending<T extends { mean: number | null }>(label: (item: T) => string) {
  return (a: T, b: T): number => {
    if (a.mean !== b.mean) {
      if (a.mean === null) return 1;
      if (b.mean === null) return -1;
      return b.mean - a.mean;
    }
    const la = label(a);
    const lb = label(b);
    return la < lb ? -1 : la > lb ? 1 : 0;
  };
}

/** One campaign's visits for the themes of several campaigns together (see KpisService.themesAcross). */
export interface ThemeSource {
  scope: VisitScope;
  definition: QuestionnaireDefinition;
  language: string;
}

@Injectable()
export class KpisService {
  private readonly queries: KpiQueries;

  /**
   * Every query of the model is read-only, so it runs on the read connection (a replica with
   * DATABASE_READ_URL). The benchmark and scripts construct it outside Nest with `new KpisService(dataSource)`.
   */
  constructor(@Inject(ReadDatabase) db: ReadQueries) {
    this.queries = new KpiQueries(db);
  }

  /** The campaign, if the user may read its results (its KPIs, reports and report jobs); 403/404 otherwise. */
  async readableCampaign(user: AuthUser, campaignId: string): Promise<CampaignRow> {
    if (user.role === 'shopper') throw forbidden('Shoppers may not read campaign KPIs');
    const campaign = await this.queries.campaign(campaignId);
    if (campaign === null) throw notFound('Campaign');
    assertCanReadClientData(user, campaign.clientId, 'Campaign');
    return campaign;
  }

  async buildModel(user: AuthUser, campaignId: string, filters: KpiFilters): Promise<KpiModel> {
    const campaign = await this.readableCampaign(user, campaignId);

    const staff = isStaff(user);
    const scope = visitScope(campaignId, filters, staff);
    const { statuses, filters: visitFilters } = scope;
    const includeUnapproved = includesUnapproved(scope);
    const definition = campaign.definition as QuestionnaireDefinition;
    const { textKeys, valueKeys } = queriedQuestionKeys(definition);
    // The trend compares like with like: the same filters on the previous wave, except its own dates.
    // A previous campaign of another client (which should not happen) is never shown.
    const previousScope: VisitScope | null =
      campaign.previousCampaignId !== null && campaign.previousClientId === campaign.clientId
        ? { campaignId: campaign.previousCampaignId, statuses, filters: { ...visitFilters, from: undefined, to: undefined } }
        : null;

    // Two lanes on the connection pool, about even in work: the visit-level breakdown and comments in one,
    // the score samples, the answer tallies, the calibration and the previous wave in the other. On two
    // cores this is as fast as firing every query at once (the work is CPU-bound either way) while
    // holding at most five connections per request instead of a dozen.
    const breakdownLane = (async () => {
      const breakdown = await this.queries.breakdown(scope, campaign.slaSeconds);
      const qualitative = await this.queries.qualitative(scope, textKeys);
      return { breakdown, qualitative };
    })();
    const themes = compileThemes(definition.themes ?? [], campaign.language);
    const samplesLane = (async () => {
      const samples = await this.queries.samples(scope);
      const answers = await this.queries.answers(scope, valueKeys);
      const shoppers = staff ? await this.queries.shoppers(scope) : null;
      const previous = previousScope ? await this.queries.samples(previousScope) : null;
      const previousThemes =
        previousScope && themes.length > 0 ? await this.previousThemeShares(previousScope, textKeys, themes, campaign.language) : undefined;
      return { samples, answers, shoppers, previous, previousThemes };
    })();
    const [{ breakdown, qualitative }, { samples, answers, shoppers, previous, previousThemes }] = await Promise.all([
      breakdownLane,
      samplesLane,
    ]);
    const touchpointRows = await this.queries.touchpoints(
      breakdown.filter((row) => row.kind === 'touchpoint' && row.key !== null).map((row) => row.key as string),
    );

    const all = breakdown.find((row) => row.kind === 'all');
    const visits = all?.visits ?? 0;
    const channels = this.channels(breakdown);
    const dimensions = this.dimensions(definition, samples);
    const overallTarget = campaign.targets.overall;

    const model: KpiModel = {
      campaign: {
        id: campaign.id,
        name: campaign.name,
        clientName: campaign.clientName,
        startsOn: campaign.startsOn,
        endsOn: campaign.endsOn,
        language: campaign.language,
        questionnaireTitle: campaign.questionnaireTitle,
        status: campaign.status,
      },
      filters: { ...visitFilters, ...(staff ? { includeUnapproved } : {}) },
      generatedAt: new Date().toISOString(),
      n: visits,
      overall: {
        mean: samples.overall.mean,
        n: samples.overall.n,
        sd: samples.overall.sd,
        ci95: confidenceInterval95(samples.overall),
        ...(overallTarget !== undefined
          ? { target: overallTarget, met: samples.overall.mean === null ? undefined : samples.overall.mean >= overallTarget }
          : {}),
      },
      sections: definition.sections.map((section) => {
        const sample = samples.sections.get(section.key);
        return { key: section.key, title: section.title, weight: section.weight, mean: sample?.mean ?? null, n: sample?.n ?? 0 };
      }),
      dimensions,
      channels,
      consistency: crossChannelConsistency(channels.filter((c) => c.mean !== null).map((c) => c.mean as number)),
      regions: breakdown
        .filter((row) => row.kind === 'region' && row.key !== null)
        .map((row) => ({ region: row.key as string, mean: row.mean, n: row.n }))
        .sort(byMeanDescending((r) => r.region)),
      touchpoints: breakdown
        .filter((row) => row.kind === 'touchpoint' && row.key !== null)
        .map((row) => {
          const touchpoint = touchpointRows.get(row.key as string);
          return {
            id: row.key as string,
            name: touchpoint?.name ?? '',
            channel: touchpoint?.channel ?? 'in_person',
            region: touchpoint?.region ?? '',
            city: touchpoint?.city ?? null,
            mean: row.mean,
            n: row.n,
          };
        })
        .sort(byMeanDescending((t) => `${t.name}\u0000${t.id}`)),
      questions: [],
      timing: this.timing(breakdown, campaign),
      fcr: { rate: samples.fcr.mean, n: samples.fcr.n },
      knockoutRate: all ? percentage(all.knockouts, all.visits) : null,
      targets: [],
      distribution: scoreHistogram(
        breakdown.filter((row) => row.kind === 'bin' && row.key !== null).map((row) => ({ bin: Number(row.key), count: row.n })),
      ),
      comments: this.comments(definition, qualitative, campaign.language, themes, previousThemes),
      recommendations: [],
      strengths: [],
    };

    const { questions, results } = this.questions(definition, answers, filters.channel);
    model.questions = questions;
    model.recommendations = rankRecommendations(results);
    model.strengths = rankStrengths(results, campaign.targets.overall ?? DEFAULT_STRENGTH_COMPLIANCE);
    model.targets = targetsReport(campaign.targets, {
      overall: samples.overall.mean,
      fcr: samples.fcr.mean,
      ...Object.fromEntries(dimensions.map((d) => [d.key, d.mean])),
    });

    if (previousScope !== null && previous !== null) {
      model.trend = this.trend(campaign, samples, previous, definition);
    }
    if (staff && shoppers !== null) model.shoppers = shoppers;
    return model;
  }

  private channels(breakdown: BreakdownRow[]): KpiModel['channels'] {
    return breakdown
      .filter((row) => row.kind === 'channel' && row.key !== null)
      .map((row) => ({ channel: row.key as Channel, mean: row.mean, n: row.n }))
      .sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
  }

  /** The questionnaire's dimensions in the order they first appear, then any other found in the scores. */
  private dimensions(definition: QuestionnaireDefinition, samples: SamplesResult): KpiModel['dimensions'] {
    const keys: string[] = [];
    for (const { question } of listQuestions(definition)) {
      if (question.dimension !== undefined && isScoredQuestion(question) && !keys.includes(question.dimension)) {
        keys.push(question.dimension);
      }
    }
    for (const key of [...samples.dimensions.keys()].sort()) if (!keys.includes(key)) keys.push(key);
    return keys.map((key) => {
      const sample = samples.dimensions.get(key);
      return { key, mean: sample?.mean ?? null, n: sample?.n ?? 0 };
    });
  }

  /** Per channel with visits: the timing metric its kind of channel measures, and its SLA when one is set. */
  private timing(breakdown: BreakdownRow[], campaign: CampaignRow): KpiModel['timing'] {
    return breakdown
      .filter((row) => row.kind === 'channel' && row.key !== null)
      .map((row) => {
        const channel = row.key as Channel;
        const slaSeconds = campaign.slaSeconds[channel];
        return {
          channel,
          metric: timingMetricOf(channel),
          median: row.median,
          p90: row.p90,
          mean: row.timingMean,
          ...(slaSeconds !== undefined ? { slaSeconds, slaCompliance: percentage(row.slaMet, row.slaN) } : {}),
          n: row.timingN,
        };
      })
      .sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
  }

  /**
   * Per question (definition order): compliance over the counting visits, the answer tally for choice,
   * yes/no and scale questions, and its share of the possible points for the rankings. The points that
   * can be earned are the non-bonus scored questions' maxPoints, on the filtered channel when there is
   * one; a bonus question adds no possible points, so it is never a recommendation or a strength.
   */
  private questions(
    definition: QuestionnaireDefinition,
    groups: AnswerGroupRow[],
    channel: Channel | undefined,
  ): { questions: KpiModel['questions']; results: QuestionResult[] } {
    const byKey = new Map<string, AnswerGroupRow[]>();
    for (const group of groups) byKey.set(group.questionKey, [...(byKey.get(group.questionKey) ?? []), group]);
    const located = listQuestions(definition);
    const appliesHere = (channels: Channel[]) => channel === undefined || channels.length === 0 || channels.includes(channel);
    const totalPossiblePoints = located
      .filter(({ question }) => isScoredQuestion(question) && !question.bonus && appliesHere(question.channels))
      .reduce((sum, { question }) => sum + question.maxPoints, 0);

    const questions: KpiModel['questions'] = [];
    const results: QuestionResult[] = [];
    for (const { question, section } of located) {
      const rows = byKey.get(question.key) ?? [];
      const total = (keep: (row: AnswerGroupRow) => boolean) => rows.reduce((sum, row) => sum + (keep(row) ? row.n : 0), 0);
      const counted = total((row) => row.counted);
      const passed = total((row) => row.counted && row.passed);
      const answered = total((row) => row.answered);
      const readFromPoints = answerIsReadFromPoints(question);
      const values: AnswerValueCount[] = rows.map((row) => ({
        value: readFromPoints ? (row.counted && row.earned !== null ? answerFromPoints(question, row.earned) : null) : row.value,
        count: row.n,
      }));
      const scored = isScoredQuestion(question);
      const compliance = scored ? percentage(passed, counted) : null;
      const distributed = (DISTRIBUTED_TYPES as readonly string[]).includes(question.type);
      questions.push({
        key: question.key,
        text: question.text,
        sectionKey: section.key,
        type: question.type,
        compliance,
        n: scored ? counted : answered,
        ...(distributed ? { answers: answerDistribution(values, question.type === 'multi_choice') } : {}),
      });
      if (scored) {
        results.push({
          key: question.key,
          text: question.text,
          compliance,
          n: counted,
          possiblePoints: question.bonus ? 0 : question.maxPoints,
          totalPossiblePoints,
          recommendation: question.recommendation ?? null,
        });
      }
    }
    return { questions, results };
  }

  /**
   * The themes of several campaigns together, for the program model (a program wave's campaigns, and
   * those of its previous wave): the themes of their questionnaires merged by key (first label, every
   * term), each campaign's comment sample (its 2,000 most recent visits in scope) pooled, figures and
   * verbatims as in the campaign model, texts masked. Campaigns in another language than `language`
   * are left out: a theme's terms are words of one language. Access checks are the caller's.
   */
  async themesAcross(
    current: readonly ThemeSource[],
    previous: readonly ThemeSource[] | null,
    language: string,
  ): Promise<{ themes: KpiModel['comments']['themes']; analysedVisits: number }> {
    const sameLanguage = (sources: readonly ThemeSource[]) =>
      sources.filter((source) => source.language.toLowerCase().split(/[-_]/)[0] === language.toLowerCase().split(/[-_]/)[0]);
    const merged = new Map<string, { key: string; label: string; terms: string[] }>();
    for (const { definition } of sameLanguage([...current, ...(previous ?? [])])) {
      for (const theme of definition.themes ?? []) {
        const known = merged.get(theme.key);
        if (known) known.terms = [...new Set([...known.terms, ...theme.terms])];
        else merged.set(theme.key, { key: theme.key, label: theme.label, terms: [...theme.terms] });
      }
    }
    const themes = compileThemes([...merged.values()], language);
    if (themes.length === 0) return { themes: [], analysedVisits: 0 };
    const pooled = async (sources: readonly ThemeSource[]) => {
      const samples = [];
      // One campaign after the other: a program has a handful, and each sample is one query.
      for (const source of sameLanguage(sources)) {
        samples.push(await this.queries.sampleTexts(source.scope, queriedQuestionKeys(source.definition).textKeys));
      }
      return {
        texts: samples.flatMap((sample) => sample.texts),
        shopperNames: Object.assign({}, ...samples.map((sample) => sample.shopperNames)) as Record<string, string | null>,
      };
    };
    const now = await pooled(current);
    const before = previous ? themeShares((await pooled(previous)).texts, themes, language) : undefined;
    const summaries = summarizeThemes(now.texts, themes, language, before);
    return {
      themes: summaries.map((theme) => ({
        ...theme,
        verbatims: theme.verbatims.map((verbatim) => ({
          ...verbatim,
          text: maskPersonalData(verbatim.text, now.shopperNames[verbatim.visitId]),
        })),
      })),
      analysedVisits: new Set(now.texts.map((text) => text.visitId)).size,
    };
  }

  /** The previous wave's visits mentioning each theme, over the same kind of sample as the current wave's. */
  private async previousThemeShares(
    scope: VisitScope,
    textKeys: string[],
    themes: CompiledTheme[],
    language: string,
  ): Promise<ThemeShares> {
    const { texts } = await this.queries.sampleTexts(scope, textKeys);
    return themeShares(texts, themes, language);
  }

  /**
   * Text answers grouped by section (definition order), then the narratives, each with its polarity and
   * themes; the themes over every text of the sample; terms over the whole sample. Every text shown is
   * masked (maskPersonalData): the model is what clients read, and what the PDF and Excel print.
   */
  private comments(
    definition: QuestionnaireDefinition,
    rows: QualitativeRows,
    language: string,
    themes: CompiledTheme[],
    previousThemes: ThemeShares | undefined,
  ): KpiModel['comments'] {
    const masked = (visitId: string, text: string) => maskPersonalData(text, rows.shopperNames[visitId]);
    const item = (visitId: string, questionKey: string | null, text: string, score: number | null) => ({
      visitId,
      questionKey,
      text: masked(visitId, text),
      sentiment: sentimentFromScore(score),
      polarity: polarityOf(text, language),
      themes: themesOf(text, themes, language),
    });
    const bySection: KpiModel['comments']['bySection'] = [];
    for (const section of definition.sections) {
      const items = rows.comments
        .filter((comment) => comment.sectionKey === section.key)
        .map((comment) => item(comment.visitId, comment.questionKey, comment.text, comment.sectionScore));
      if (items.length > 0) bySection.push({ sectionKey: section.key, items });
    }
    if (rows.narratives.length > 0) {
      bySection.push({
        sectionKey: NARRATIVE_SECTION_KEY,
        items: rows.narratives.map((narrative) => item(narrative.visitId, null, narrative.text, narrative.score)),
      });
    }
    const verbatims = new Map<string, Array<{ visitId: string; text: string }>>();
    for (const { questionKey, visitId, text } of rows.verbatims) {
      verbatims.set(questionKey, [...(verbatims.get(questionKey) ?? []), { visitId, text: masked(visitId, text) }]);
    }
    const order = new Map(listQuestions(definition).map(({ question, order }) => [question.key, order]));
    // No shopper's name may surface as a frequent word either (a signature repeated over many reports would).
    const names = namePartsOf(Object.values(rows.shopperNames));
    const terms = topTerms(
      rows.termTexts.map((text) => maskPersonalData(text, null)),
      language,
      DEFAULT_TOP_TERMS + names.size,
    )
      .filter((term) => !isNamePart(term.term, names))
      .slice(0, DEFAULT_TOP_TERMS);
    return {
      bySection,
      themes: summarizeThemes(rows.sampleTexts, themes, language, previousThemes).map((theme) => ({
        ...theme,
        verbatims: theme.verbatims.map((verbatim) => ({ ...verbatim, text: masked(verbatim.visitId, verbatim.text) })),
      })),
      analysedVisits: rows.sampleVisits,
      topTerms: terms,
      failedQuestionVerbatims: [...verbatims]
        .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
        .map(([questionKey, items]) => ({ questionKey, items })),
    };
  }

  private trend(
    campaign: CampaignRow,
    current: SamplesResult,
    previous: SamplesResult,
    definition: QuestionnaireDefinition,
  ): NonNullable<KpiModel['trend']> {
    const compare = (a: Sample | undefined, b: Sample | undefined) => compareWaves(a ?? null, b ?? null);
    const dimensionKeys = this.dimensions(definition, current).map((d) => d.key);
    return {
      previousCampaignId: campaign.previousCampaignId as string,
      previousCampaignName: campaign.previousCampaignName ?? '',
      overall: compareWaves(previous.overall, current.overall),
      sections: definition.sections.map((section) => ({
        key: section.key,
        ...compare(previous.sections.get(section.key), current.sections.get(section.key)),
      })),
      dimensions: dimensionKeys.map((key) => ({ key, ...compare(previous.dimensions.get(key), current.dimensions.get(key)) })),
      fcr: compareWaves(previous.fcr, current.fcr),
    };
  }
}
