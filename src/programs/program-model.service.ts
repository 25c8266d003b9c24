// Builds the program model (docs/api.md "Programs", docs/kpis.md §5b): the one source of the JSON endpoint,
// the omnichannel PDF and its workbook. PostgreSQL aggregates per channel (program-queries.ts); the
// pure domain functions turn the aggregates into consistency, tests, priorities and action results.
import { Inject, Injectable } from '@nestjs/common';
import { ReadDatabase, type ReadQueries } from '../database/read-database';
import { AuthUser, isStaff } from '../common/auth/auth-user';
import { crossChannelConsistency } from '../kpis/domain/consistency';
import { compareWaves, confidenceInterval95, Sample } from '../kpis/domain/statistics';
import type { WaveComparison } from '../kpis/kpi-model';
import { KpisService } from '../kpis/kpis.service';
import { countedStatuses, visitScope } from '../kpis/visit-scope';
import { dimensionName, labelsFor, resolveReportLanguage } from '../exports/i18n';
import { Channel, CHANNELS, QuestionnaireDefinition, timingMetricOf } from '../questionnaires/domain/definition';
import { Measure, measureAdvice } from './domain/measures';
import { poolProportions, poolSamples, proportionPercent } from './domain/pooling';
import { ChannelValue, programPriorities, weakestChannel } from './domain/priorities';
import { chiSquareTest, Proportion, SignificanceTest, twoProportionTest, welchAnova } from './domain/program-statistics';
import type { ActionView } from './dto/program.dto';
import type { ActionResult, ProgramFilters, ProgramModel } from './program-model';
import { DimensionRow, ProgramQueries, QuestionCountRow, ScoreRow, Target, WaveScope } from './program-queries';
import { ProgramsService } from './programs.service';

const byChannelOrder = (a: Channel, b: Channel) => CHANNELS.indexOf(a) - CHANNELS.indexOf(b);
const percentage = (part: number, whole: number): number | null => (whole > 0 ? (100 * part) / whole : null);

/** One measure on one wave: per channel, as proportions (question measures) or score samples (dimensions). */
interface MeasureFigures {
  channels: Array<{ channel: Channel; proportion?: Proportion; sample?: Sample }>;
}

/** The figures of every measure of a wave, from the two aggregate queries. */
function measureFigures(measures: Measure[], counts: QuestionCountRow[], dimensions: DimensionRow[]): Map<string, MeasureFigures> {
  const figures = new Map<string, MeasureFigures>();
  for (const measure of measures) {
    const channels = new Map<Channel, { channel: Channel; proportion?: Proportion; sample?: Sample }>();
    if (measure.kind === 'dimension') {
      for (const row of dimensions.filter((d) => d.dimension === measure.dimension))
        channels.set(row.channel, { channel: row.channel, sample: row.sample });
    } else {
      for (const row of counts.filter((c) => measure.questionKeys.includes(c.questionKey) && c.answers > 0)) {
        const current = channels.get(row.channel)?.proportion ?? { passed: 0, n: 0 };
        channels.set(row.channel, {
          channel: row.channel,
          proportion: { passed: current.passed + row.passed, n: current.n + row.counted },
        });
      }
    }
    figures.set(measure.key, { channels: [...channels.values()].sort((a, b) => byChannelOrder(a.channel, b.channel)) });
  }
  return figures;
}

const valueOf = (figure: { proportion?: Proportion; sample?: Sample }): ChannelValue['compliance'] =>
  figure.proportion ? proportionPercent(figure.proportion) : (figure.sample?.mean ?? null);
const nOf = (figure: { proportion?: Proportion; sample?: Sample }): number => figure.proportion?.n ?? figure.sample?.n ?? 0;

/** A measure's change between two waves: the two-proportion test on compliance, Welch's t on scores. */
function compareMeasure(
  kind: Measure['kind'],
  previous: MeasureFigures | undefined,
  current: MeasureFigures | undefined,
): WaveComparison & { test?: SignificanceTest['name'] } {
  if (kind === 'dimension') {
    const comparison = compareWaves(
      previous ? poolSamples(previous.channels.map((c) => c.sample!)) : null,
      current ? poolSamples(current.channels.map((c) => c.sample!)) : null,
    );
    return comparison.pValue === null ? comparison : { ...comparison, test: 'welch_t' };
  }
  const before = poolProportions((previous?.channels ?? []).map((c) => c.proportion!));
  const after = poolProportions((current?.channels ?? []).map((c) => c.proportion!));
  return proportionComparison(before, after);
}

function proportionComparison(before: Proportion, after: Proportion): WaveComparison & { test?: SignificanceTest['name'] } {
  const previous = proportionPercent(before);
  const current = proportionPercent(after);
  const change = previous !== null && current !== null ? current - previous : null;
  const test = twoProportionTest(before, after);
  if (test === null) return { previous, current, change, pValue: null, significant: null, note: 'not enough data' };
  return { previous, current, change, pValue: test.pValue, significant: test.significant, test: test.name };
}

@Injectable()
export class ProgramModelService {
  private readonly queries: ProgramQueries;

  private readonly kpis: KpisService;

  /** The model's figures come from the read connection (a replica with DATABASE_READ_URL); programs, waves and actions from the primary. */
  constructor(
    @Inject(ReadDatabase) db: ReadQueries,
    private readonly programs: ProgramsService,
  ) {
    this.queries = new ProgramQueries(db);
    this.kpis = new KpisService(db);
  }

  async buildModel(user: AuthUser, programId: string, waveId: string, filters: ProgramFilters): Promise<ProgramModel> {
    const program = await this.programs.findReadable(user, programId);
    const wave = await this.programs.findWave(programId, waveId);
    const staff = isStaff(user);
    const includeUnapproved = staff && filters.includeUnapproved === true;
    const statuses = countedStatuses(includeUnapproved);
    const visitFilters = { channel: filters.channel, region: filters.region, from: filters.from, to: filters.to };
    const campaigns = await this.programs.waveCampaigns(wave.id);
    const measures = this.programs.measuresOf(program, campaigns);
    const language = resolveReportLanguage(undefined, campaigns[0]?.language);
    const labels = labelsFor(language);
    for (const measure of measures) if (measure.kind === 'dimension') measure.title = dimensionName(labels, measure.key);
    const questionKeys = [...new Set(measures.flatMap((measure) => measure.questionKeys))];
    const dimensionKeys = measures.filter((measure) => measure.kind === 'dimension').map((measure) => measure.dimension as string);

    const scope: WaveScope = { campaignIds: campaigns.map((campaign) => campaign.id), statuses, filters: visitFilters };
    // The trend compares like with like: the same channel and region on the previous wave, all its dates.
    const previousWave = wave.previousWaveId ? await this.programs.findWave(programId, wave.previousWaveId).catch(() => null) : null;
    const previousScope: WaveScope | null = previousWave
      ? { campaignIds: previousWave.campaignIds, statuses, filters: { channel: filters.channel, region: filters.region } }
      : null;

    // Two lanes on the pool, as the campaign model does: visit-level figures in one, answers in the other.
    // (the visit scores and timings in one; the answers and the dimension scores in the other: about even)
    const visitLane = (async () => {
      const scores = await this.queries.scores(scope);
      const timing = await this.queries.timing(scope);
      const previousScores = previousScope ? await this.queries.scores(previousScope) : null;
      const campaignChannels = await this.queries.campaignChannels(scope.campaignIds);
      return { scores, timing, previousScores, campaignChannels };
    })();
    const answerLane = (async () => {
      const counts = await this.queries.questionCounts(scope, questionKeys);
      const dimensions = await this.queries.dimensionScores(scope, dimensionKeys);
      const previousCounts = previousScope ? await this.queries.questionCounts(previousScope, questionKeys) : [];
      const previousDimensions = previousScope ? await this.queries.dimensionScores(previousScope, dimensionKeys) : [];
      return { counts, dimensions, previousCounts, previousDimensions };
    })();
    const [{ scores, timing, previousScores, campaignChannels }, { counts, dimensions, previousCounts, previousDimensions }] =
      await Promise.all([visitLane, answerLane]);

    const all = scores.find((row) => row.kind === 'all');
    const visits = all?.visits ?? 0;
    const channelRows = scores
      .filter((row) => row.kind === 'channel' && row.key !== null)
      .sort((a, b) => byChannelOrder(a.key as Channel, b.key as Channel));
    const channels: ProgramModel['channels'] = channelRows.map((row) => ({
      channel: row.key as Channel,
      mean: row.score.mean,
      n: row.score.n,
      ci95: confidenceInterval95(row.score),
      visits: row.visits,
      share: percentage(row.visits, visits) ?? 0,
    }));
    const shares = new Map(channels.map((channel) => [channel.channel, channel.share]));
    const channelsOf = (campaignId: string): Channel[] =>
      campaignChannels
        .filter((row) => row.campaignId === campaignId)
        .map((row) => row.channel)
        .sort(byChannelOrder);
    const figures = measureFigures(measures, counts, dimensions);

    const measureModels: ProgramModel['measures'] = measures.map((measure) => {
      const channelFigures = figures.get(measure.key)?.channels ?? [];
      const values: ChannelValue[] = channelFigures.map((figure) => ({
        channel: figure.channel,
        compliance: valueOf(figure),
        n: nOf(figure),
      }));
      const measured = values.filter((value) => value.compliance !== null);
      const pooled =
        measure.kind === 'dimension'
          ? (() => {
              const sample = poolSamples(channelFigures.map((figure) => figure.sample!));
              return { compliance: sample.mean, n: sample.n };
            })()
          : (() => {
              const proportion = poolProportions(channelFigures.map((figure) => figure.proportion!));
              return { compliance: proportionPercent(proportion), n: proportion.n };
            })();
      const test =
        measure.kind === 'dimension'
          ? welchAnova(channelFigures.map((figure) => figure.sample!))
          : chiSquareTest(channelFigures.map((figure) => figure.proportion!));
      return {
        key: measure.key,
        title: measure.title,
        kind: measure.kind,
        questionKeys: measure.questionKeys,
        channels: values,
        overall: pooled,
        consistency: crossChannelConsistency(measured.map((value) => value.compliance as number)),
        weakestChannel: measured.length >= 2 ? weakestChannel(values) : null,
        ...(test ? { test } : {}),
      };
    });

    const model: ProgramModel = {
      program: { id: program.id, name: program.name, clientId: program.clientId, clientName: program.clientName },
      wave: { id: wave.id, name: wave.name, previousWaveId: previousWave?.id ?? null, previousWaveName: previousWave?.name ?? null },
      language,
      filters: { ...visitFilters, ...(staff ? { includeUnapproved } : {}) },
      generatedAt: new Date().toISOString(),
      n: visits,
      overall: { mean: all?.score.mean ?? null, n: all?.score.n ?? 0, ci95: all ? confidenceInterval95(all.score) : null },
      channels,
      campaigns: campaigns.map((campaign) => {
        const row = scores.find((score) => score.kind === 'campaign' && score.key === campaign.id);
        return {
          id: campaign.id,
          name: campaign.name,
          questionnaireTitle: campaign.questionnaireTitle,
          channels: channelsOf(campaign.id),
          mean: row?.score.mean ?? null,
          n: row?.score.n ?? 0,
        };
      }),
      consistency: crossChannelConsistency(channels.filter((c) => c.mean !== null).map((c) => c.mean as number)),
      channelTest: welchAnova(channelRows.map((row) => row.score)),
      ranking: channels
        .filter((channel) => channel.mean !== null)
        .sort((a, b) => (b.mean as number) - (a.mean as number) || b.n - a.n)
        .map((channel, index) => ({ rank: index + 1, channel: channel.channel, mean: channel.mean as number, n: channel.n })),
      measures: measureModels,
      fcr: channelRows.map((row) => ({ channel: row.key as Channel, rate: row.fcr.mean, n: row.fcr.n })),
      timing: timing
        .sort((a, b) => byChannelOrder(a.channel, b.channel))
        .map((row) => ({
          channel: row.channel,
          metric: timingMetricOf(row.channel),
          median: row.median,
          p90: row.p90,
          ...(row.slaSeconds !== null ? { slaSeconds: row.slaSeconds, slaCompliance: percentage(row.slaMet, row.slaN) } : {}),
          n: row.n,
        })),
      priorities: programPriorities(
        measureModels.map((measure) => ({ key: measure.key, channels: measure.channels })),
        shares,
        // A priority's advice is the one its channel's own questionnaire gives for the measure.
        (key, channel) =>
          measureAdvice(
            measures.find((measure) => measure.key === key)?.questionKeys ?? [],
            campaigns.filter((campaign) => channelsOf(campaign.id).includes(channel)).map((campaign) => campaign.definition),
          ),
      ),
      actions: [],
      plannedActions: [],
      comments: { themes: [], analysedVisits: 0 },
    };

    const previousFigures = measureFigures(measures, previousCounts, previousDimensions);
    if (previousWave && previousScope && previousScores) {
      model.trend = this.trend(previousWave, previousScores, channelRows, model, measures, previousFigures, figures);
    }

    const measureByKey = new Map(measures.map((measure) => [measure.key, measure]));
    const [evaluated, planned] = await Promise.all([
      previousWave && previousScope ? this.programs.actionsOf([previousWave.id]) : Promise.resolve([]),
      this.programs.actionsOf([wave.id]),
    ]);
    model.actions = await Promise.all(
      evaluated.map((action) =>
        this.actionResult(action, measureByKey.get(action.measureKey), {
          previousScope: previousScope as WaveScope,
          scope,
          before: previousFigures.get(action.measureKey),
          after: figures.get(action.measureKey),
        }),
      ),
    );
    model.plannedActions = planned.map((action) => ({ ...this.actionFields(action, measureByKey.get(action.measureKey)) }));
    // The comments' themes, every campaign of the wave pooled, with the same filters (the previous wave: channel and region).
    const themeSource =
      (scopeFilters: typeof visitFilters) => (campaign: { id: string; definition: QuestionnaireDefinition; language: string }) => ({
        scope: visitScope(campaign.id, { ...scopeFilters, includeUnapproved }, staff),
        definition: campaign.definition,
        language: campaign.language,
      });
    const previousCampaigns = previousWave ? await this.programs.waveCampaigns(previousWave.id) : null;
    model.comments = await this.kpis.themesAcross(
      campaigns.map(themeSource(visitFilters)),
      previousCampaigns?.map(themeSource({ channel: filters.channel, region: filters.region, from: undefined, to: undefined })) ?? null,
      language,
    );
    return model;
  }

  private trend(
    previousWave: { id: string; name: string },
    previousScores: ScoreRow[],
    channelRows: ScoreRow[],
    model: ProgramModel,
    measures: Measure[],
    previousFigures: Map<string, MeasureFigures>,
    figures: Map<string, MeasureFigures>,
  ): NonNullable<ProgramModel['trend']> {
    const previousChannels = previousScores.filter((row) => row.kind === 'channel' && row.key !== null);
    const channelKeys = [...new Set([...previousChannels, ...channelRows].map((row) => row.key as Channel))].sort(byChannelOrder);
    const previousConsistency = crossChannelConsistency(
      previousChannels.filter((row) => row.score.mean !== null).map((row) => row.score.mean as number),
    ).index;
    const current = model.consistency.index;
    return {
      previousWaveId: previousWave.id,
      previousWaveName: previousWave.name,
      channels: channelKeys.map((channel) => ({
        channel,
        ...compareWaves(
          previousChannels.find((row) => row.key === channel)?.score ?? null,
          channelRows.find((row) => row.key === channel)?.score ?? null,
        ),
      })),
      consistency: {
        previous: previousConsistency,
        current,
        change: previousConsistency !== null && current !== null ? current - previousConsistency : null,
      },
      measures: measures.map((measure) => ({
        key: measure.key,
        ...compareMeasure(measure.kind, previousFigures.get(measure.key), figures.get(measure.key)),
      })),
    };
  }

  private actionFields(action: ActionView, measure: Measure | undefined) {
    return {
      id: action.id,
      measureKey: action.measureKey,
      measureTitle: measure?.title ?? action.measureKey,
      channels: action.channels,
      touchpointIds: action.touchpointIds,
      owner: action.owner,
      dueOn: action.dueOn,
      state: action.state,
      note: action.note,
    };
  }

  /**
   * An action item's before → after on exactly what it targets: its measure, on its channels and
   * touchpoints (none given: all), in the previous wave and in this one. Compliance: two-proportion
   * test; a dimension's score: Welch's t-test.
   */
  private async actionResult(
    action: ActionView,
    measure: Measure | undefined,
    waves: { previousScope: WaveScope; scope: WaveScope; before: MeasureFigures | undefined; after: MeasureFigures | undefined },
  ): Promise<ActionResult> {
    const fields = this.actionFields(action, measure);
    const empty = { before: null, after: null, change: null, nBefore: 0, nAfter: 0, pValue: null, significant: null };
    if (!measure) return { ...fields, ...empty };
    const target: Target = { channels: action.channels, touchpointIds: action.touchpointIds };
    // An item on channels only (or on everything) pools the model's own per-channel figures; only
    // touchpoint targets need queries of their own.
    const fromFigures = action.touchpointIds.length === 0;
    const onTarget = (figures: MeasureFigures | undefined) =>
      (figures?.channels ?? []).filter((figure) => action.channels.length === 0 || action.channels.includes(figure.channel));
    const sides: Array<[WaveScope, MeasureFigures | undefined]> = [
      [waves.previousScope, waves.before],
      [waves.scope, waves.after],
    ];
    if (measure.kind === 'dimension') {
      const [before, after] = await Promise.all(
        sides.map(async ([s, figures]) =>
          poolSamples(
            fromFigures
              ? onTarget(figures).map((figure) => figure.sample!)
              : (await this.queries.dimensionScores(s, [measure.dimension as string], target)).map((row) => row.sample),
          ),
        ),
      );
      const comparison = compareWaves(before, after);
      return {
        ...fields,
        before: comparison.previous,
        after: comparison.current,
        change: comparison.change,
        nBefore: before.n,
        nAfter: after.n,
        pValue: comparison.pValue,
        significant: comparison.significant,
        ...(comparison.pValue !== null ? { test: 'welch_t' as const } : {}),
      };
    }
    const [before, after] = await Promise.all(
      sides.map(async ([s, figures]) =>
        poolProportions(
          fromFigures
            ? onTarget(figures).map((figure) => figure.proportion!)
            : (await this.queries.questionCounts(s, measure.questionKeys, target)).map((row) => ({ passed: row.passed, n: row.counted })),
        ),
      ),
    );
    const comparison = proportionComparison(before, after);
    return {
      ...fields,
      before: comparison.previous,
      after: comparison.current,
      change: comparison.change,
      nBefore: before.n,
      nAfter: after.n,
      pValue: comparison.pValue,
      significant: comparison.significant,
      ...(comparison.test ? { test: comparison.test } : {}),
    };
  }
}
