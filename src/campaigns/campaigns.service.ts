import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { ClientsService } from '../clients/clients.service';
import { Touchpoint } from '../clients/touchpoint.entity';
import { assertCanReadClientData } from '../common/access/access';
import { AuthUser, isStaff } from '../common/auth/auth-user';
import { DomainError, notFound, ruleViolation } from '../common/errors/domain-error';
import { changedFields, recordAudit } from '../audit/audit-log';
import { staleVersion } from '../clients/clients.service';
import { inTransaction } from '../database/transactions';
import { QuestionnairesService } from '../questionnaires/questionnaires.service';
import { Campaign, CampaignTouchpoint } from './campaign.entity';
import { checkEndDateExtension, checkNewCampaign } from './domain/campaign-rules';
import { planVisits, SchedulingError, type PlannedVisit } from './domain/scheduling';
import {
  ActivatedCampaignView,
  CampaignView,
  CancelledCampaignView,
  CreateCampaignDto,
  ListCampaignsQuery,
  UpdateCampaignDto,
} from './dto/campaign.dto';
import { pageOf } from '../common/http/paging';

/** Planned visits per INSERT when creating assignments (each INSERT sends five arrays of this length). */
const ASSIGNMENT_BATCH = 2000;

/** The campaign as its reader may see it: the seed would let a client work out the planned visit dates. */
export function toCampaignView(user: AuthUser, campaign: Campaign, touchpointIds: string[]): CampaignView {
  const view: CampaignView = {
    id: campaign.id,
    clientId: campaign.clientId,
    questionnaireId: campaign.questionnaireId,
    name: campaign.name,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    status: campaign.status,
    visitsPerTouchpoint: campaign.visitsPerTouchpoint,
    touchpointIds,
    scenarios: campaign.scenarios,
    slaSeconds: campaign.slaSeconds,
    targets: campaign.targets,
    previousCampaignId: campaign.previousCampaignId,
    retentionDays: campaign.retentionDays,
    createdAt: campaign.createdAt,
    activatedAt: campaign.activatedAt,
    closedAt: campaign.closedAt,
    version: campaign.version,
    cancelledAt: campaign.cancelledAt,
  };
  if (isStaff(user)) {
    view.seed = campaign.seed;
    view.visitFee = Number(campaign.visitFee);
    view.channelBonusCents = campaign.channelBonusCents;
  }
  return view;
}

@Injectable()
export class CampaignsService {
  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(CampaignTouchpoint) private readonly campaignTouchpoints: Repository<CampaignTouchpoint>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly questionnaires: QuestionnairesService,
  ) {}

  async create(user: AuthUser, dto: CreateCampaignDto): Promise<CampaignView> {
    await this.clients.findReadable(user, dto.clientId);
    const scenarios = (dto.scenarios ?? []).map(({ key, title, brief }) => ({ key, title, brief }));
    await this.assertValidDesign(this.dataSource.manager, { ...dto, scenarios });

    const id = await this.dataSource.transaction(async (manager) => {
      const campaign = await manager.getRepository(Campaign).save(
        manager.getRepository(Campaign).create({
          clientId: dto.clientId,
          questionnaireId: dto.questionnaireId,
          name: dto.name.trim(),
          startsOn: dto.startsOn,
          endsOn: dto.endsOn,
          status: 'draft',
          visitsPerTouchpoint: dto.visitsPerTouchpoint,
          scenarios,
          slaSeconds: plainNumbers(dto.slaSeconds),
          targets: plainNumbers(dto.targets),
          previousCampaignId: dto.previousCampaignId ?? null,
          seed: dto.seed ?? randomUUID(),
          visitFee: (dto.visitFee ?? 0).toFixed(2),
          channelBonusCents: plainNumbers(dto.channelBonusCents),
          retentionDays: dto.retentionDays ?? null,
          activatedAt: null,
          closedAt: null,
          purgedAt: null,
        }),
      );
      await manager
        .getRepository(CampaignTouchpoint)
        .insert(dto.touchpointIds.map((touchpointId) => ({ campaignId: campaign.id, touchpointId })));
      return campaign.id;
    });
    return this.get(user, id);
  }

  async list(user: AuthUser, query: ListCampaignsQuery): Promise<CampaignView[]> {
    const { limit, offset } = pageOf(query);
    const where: Partial<Pick<Campaign, 'clientId' | 'status'>> = {};
    if (user.role === 'client') {
      if (!user.clientId || (query.clientId && query.clientId !== user.clientId)) return [];
      where.clientId = user.clientId;
    } else if (query.clientId) {
      where.clientId = query.clientId;
    }
    if (query.status) where.status = query.status;
    const campaigns = await this.campaigns.find({
      where,
      order: { startsOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    const touchpointIds = await this.touchpointIdsOf(campaigns.map((campaign) => campaign.id));
    return campaigns.map((campaign) => toCampaignView(user, campaign, touchpointIds.get(campaign.id) ?? []));
  }

  async get(user: AuthUser, id: string): Promise<CampaignView> {
    const campaign = await this.findReadable(user, id);
    const touchpointIds = await this.touchpointIdsOf([campaign.id]);
    return toCampaignView(user, campaign, touchpointIds.get(campaign.id) ?? []);
  }

  /** The campaign if it exists and the user may read it (a client user: its own client's only); 404 otherwise. */
  async findReadable(user: AuthUser, id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findOneBy({ id });
    if (!campaign) throw notFound('Campaign');
    assertCanReadClientData(user, campaign.clientId, 'Campaign');
    return campaign;
  }

  /** The campaign's touchpoints (no access check: for services that have already checked the campaign). */
  async touchpointsOf(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<Touchpoint[]> {
    return manager
      .getRepository(Touchpoint)
      .createQueryBuilder('touchpoint')
      .innerJoin(CampaignTouchpoint, 'ct', 'ct.touchpoint_id = touchpoint.id')
      .where('ct.campaign_id = :campaignId', { campaignId })
      .orderBy('touchpoint.id')
      .getMany();
  }

  /**
   * Draft → active: plans the visits (docs/domain.md §3) and creates one open assignment per planned
   * visit, all in one transaction with the status change, so a campaign is never half-activated.
   */
  async activate(user: AuthUser, id: string): Promise<ActivatedCampaignView> {
    const assignmentsCreated = await this.dataSource.transaction(async (manager) => {
      // The row lock makes a second, concurrent activation wait and then see 'active' (409).
      const campaign = await manager
        .getRepository(Campaign)
        .createQueryBuilder('campaign')
        .setLock('pessimistic_write')
        .where('campaign.id = :id', { id })
        .getOne();
      if (!campaign) throw notFound('Campaign');
      if (campaign.status !== 'draft')
        throw ruleViolation('NOT_DRAFT', `Only a draft campaign can be activated; this one is ${campaign.status}`);

      const touchpoints = await this.touchpointsOf(id, manager);
      // A touchpoint retired after the draft was made is offered to no new campaign (the order is the view's touchpointIds).
      const retired = touchpoints.flatMap((touchpoint, index) =>
        touchpoint.active
          ? []
          : [{ field: `touchpointIds[${index}]`, reason: `touchpoint ${touchpoint.id} is retired and offered to no new campaign` }],
      );
      if (retired.length) throw ruleViolation('CAMPAIGN_INVALID', 'The campaign names retired touchpoints; edit the draft first', retired);
      let plan: PlannedVisit[];
      try {
        plan = planVisits({
          seed: campaign.seed,
          startsOn: campaign.startsOn,
          endsOn: campaign.endsOn,
          visitsPerTouchpoint: campaign.visitsPerTouchpoint,
          touchpoints: touchpoints.map(({ id: touchpointId, openingHours, timeZone }) => ({
            id: touchpointId,
            openingHours,
            timeZone,
          })),
          scenarios: campaign.scenarios,
        });
      } catch (error) {
        if (error instanceof SchedulingError) {
          throw ruleViolation('UNPLANNABLE', 'The visits of this campaign cannot be planned', [
            { field: 'campaign', reason: error.message },
          ]);
        }
        throw error;
      }

      for (let start = 0; start < plan.length; start += ASSIGNMENT_BATCH) {
        const batch = plan.slice(start, start + ASSIGNMENT_BATCH);
        await manager.query(
          `INSERT INTO assignments (campaign_id, touchpoint_id, scenario_key, window_start, window_end, planned_at, fee, status)
           SELECT $1, t.touchpoint_id, t.scenario_key, t.window_start, t.window_end, t.planned_at, $2, 'open'
             FROM unnest($3::uuid[], $4::varchar[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
                  AS t(touchpoint_id, scenario_key, window_start, window_end, planned_at)`,
          [
            id,
            campaign.visitFee,
            batch.map((visit) => visit.touchpointId),
            batch.map((visit) => visit.scenarioKey),
            batch.map((visit) => visit.windowStart.toISOString()),
            batch.map((visit) => visit.windowEnd.toISOString()),
            batch.map((visit) => visit.plannedAt.toISOString()),
          ],
        );
      }
      await manager.query(`UPDATE campaigns SET status = 'active', activated_at = now() WHERE id = $1 AND status = 'draft'`, [id]);
      return plan.length;
    });
    return { ...(await this.get(user, id)), assignmentsCreated };
  }

  /** Active → closed: no new visit reports are accepted for it (checked at submission). */
  async close(user: AuthUser, id: string): Promise<CampaignView> {
    const result: unknown = await this.dataSource.query(
      `UPDATE campaigns SET status = 'closed', closed_at = now() WHERE id = $1 AND status = 'active' RETURNING id`,
      [id],
    );
    if (!affectedRows(result)) {
      const campaign = await this.campaigns.findOneBy({ id });
      if (!campaign) throw notFound('Campaign');
      throw ruleViolation('CAMPAIGN_NOT_ACTIVE', `Only an active campaign can be closed; this one is ${campaign.status}`);
    }
    return this.get(user, id);
  }

  /**
   * The design rules of a new campaign (checkNewCampaign), on create and on a draft's edit alike: reads
   * the facts on `manager` (the edit's transaction) and throws 422 CAMPAIGN_INVALID listing every problem.
   */
  private async assertValidDesign(
    manager: EntityManager,
    design: Pick<DesignFields, 'clientId' | 'questionnaireId' | 'startsOn' | 'endsOn' | 'touchpointIds' | 'scenarios'> & {
      previousCampaignId?: string | null;
    },
  ): Promise<void> {
    const questionnaire = await this.questionnaires.findById(design.questionnaireId);
    const touchpoints = design.touchpointIds.length ? await manager.getRepository(Touchpoint).findBy({ id: In(design.touchpointIds) }) : [];
    let previousCampaignClientId: string | undefined;
    if (design.previousCampaignId) {
      const previous = await manager.getRepository(Campaign).findOneBy({ id: design.previousCampaignId });
      if (!previous) throw notFound('Previous campaign');
      previousCampaignClientId = previous.clientId;
    }
    const [client] = await manager.query<Array<{ archived_at: Date | null }>>(`SELECT archived_at FROM clients WHERE id = $1`, [
      design.clientId,
    ]);
    if (!client) throw notFound('Client');
    const problems = checkNewCampaign({
      clientId: design.clientId,
      startsOn: design.startsOn,
      endsOn: design.endsOn,
      questionnaire,
      touchpointIds: design.touchpointIds,
      touchpointClients: new Map(touchpoints.map((touchpoint) => [touchpoint.id, touchpoint.clientId])),
      retiredTouchpointIds: new Set(touchpoints.filter((touchpoint) => !touchpoint.active).map((touchpoint) => touchpoint.id)),
      clientArchived: client.archived_at !== null,
      scenarioKeys: design.scenarios.map((scenario) => scenario.key),
      previousCampaignClientId,
    });
    if (problems.length) throw ruleViolation('CAMPAIGN_INVALID', 'The campaign is not valid', problems);
  }

  /**
   * PATCH /campaigns/:id. A draft is edited in full (the merged result validated like a new campaign);
   * an active campaign only has its end date extended (its unclaimed jobs re-planned over the longer
   * period); anything else is a 409. Version-checked and audited in one transaction.
   */
  async update(user: AuthUser, id: string, dto: UpdateCampaignDto): Promise<CampaignView> {
    const nulls = Object.entries(dto).filter(([key, value]) => value === null && !NULLABLE_FIELDS.has(key));
    if (nulls.length) {
      throw new DomainError(
        'bad_request',
        `Invalid request: ${nulls.map(([key]) => key).join(', ')}`,
        nulls.map(([key]) => ({ field: key, reason: `${key} cannot be null` })),
      );
    }
    await this.findReadable(user, id);
    await inTransaction(this.dataSource, async (runner) => {
      const manager = runner.manager;
      const campaign = await manager
        .getRepository(Campaign)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id })
        .getOne();
      if (!campaign) throw notFound('Campaign');
      if (campaign.version !== dto.version) throw staleVersion('campaign', dto.version, campaign.version);
      const touchpointIds = (await this.touchpointIdsOf([id], manager)).get(id) ?? [];
      const before = designOf(campaign, touchpointIds);
      if (campaign.status === 'active') {
        await this.extend(runner.manager, user, campaign, before, dto);
        return;
      }
      if (campaign.status !== 'draft') {
        throw ruleViolation('NOT_DRAFT', `Only a draft campaign can be edited; this one is ${campaign.status}`, [
          { field: 'status', reason: `the campaign is ${campaign.status}` },
        ]);
      }
      const after: DesignFields = {
        ...before,
        ...definedOf(dto),
        ...(dto.name !== undefined && { name: dto.name.trim() }),
        ...(dto.scenarios !== undefined && { scenarios: dto.scenarios.map(({ key, title, brief }) => ({ key, title, brief })) }),
        ...(dto.slaSeconds !== undefined && { slaSeconds: plainNumbers(dto.slaSeconds) }),
        ...(dto.targets !== undefined && { targets: plainNumbers(dto.targets) }),
        ...(dto.channelBonusCents !== undefined && { channelBonusCents: plainNumbers(dto.channelBonusCents) }),
        ...(dto.visitFee !== undefined && { visitFee: dto.visitFee }),
        ...('previousCampaignId' in dto && { previousCampaignId: dto.previousCampaignId ?? null }),
        ...('retentionDays' in dto && { retentionDays: dto.retentionDays ?? null }),
      };
      if (after.clientId !== before.clientId) await this.clients.findReadable(user, after.clientId);
      await this.assertValidDesign(manager, after);
      // Touchpoints are a set (stored and shown in id order): the same ones in another order change nothing.
      after.touchpointIds = [...after.touchpointIds].sort();
      const change = changedFields(before, after);
      if (!change) return;
      const { touchpointIds: newTouchpointIds, visitFee, ...columns } = after;
      await manager.getRepository(Campaign).update({ id }, { ...columns, visitFee: visitFee.toFixed(2), version: campaign.version + 1 });
      if (JSON.stringify(newTouchpointIds) !== JSON.stringify(touchpointIds)) {
        await manager.getRepository(CampaignTouchpoint).delete({ campaignId: id });
        await manager.getRepository(CampaignTouchpoint).insert(newTouchpointIds.map((touchpointId) => ({ campaignId: id, touchpointId })));
      }
      await recordAudit(runner, { userId: user.id, action: 'update', entity: 'campaign', entityId: id, ...change });
    });
    return this.get(user, id);
  }

  /**
   * An active campaign's new end date: checked (later, not passed, period within the limit), then every
   * job no shopper holds (open, or expired unclaimed) is re-planned by the scheduling rules over the
   * rest of the period, today to the new end, keeping its scenario.
   */
  private async extend(
    manager: EntityManager,
    user: AuthUser,
    campaign: Campaign,
    before: DesignFields,
    dto: UpdateCampaignDto,
  ): Promise<void> {
    const others = Object.keys(dto).filter(
      (key) => key !== 'version' && key !== 'endsOn' && (dto as unknown as Record<string, unknown>)[key] !== undefined,
    );
    if (others.length || dto.endsOn === undefined) {
      throw ruleViolation(
        'NOT_DRAFT',
        'An active campaign can only have its end date extended (endsOn); the rest of its design is fixed once active',
        (others.length ? others : ['endsOn']).map((field) => ({
          field,
          reason: others.length ? 'not editable on an active campaign' : 'required to extend an active campaign',
        })),
      );
    }
    const today = new Date().toISOString().slice(0, 10);
    const problems = checkEndDateExtension(campaign, dto.endsOn, today);
    if (problems.length) throw ruleViolation('END_DATE_NOT_LATER', 'The new end date is not valid', problems);
    const touchpoints = await this.touchpointsOf(campaign.id, manager);
    const jobs = await manager.query<Array<{ id: string; touchpoint_id: string; scenario_key: string | null }>>(
      `SELECT id, touchpoint_id, scenario_key FROM assignments
        WHERE campaign_id = $1 AND shopper_id IS NULL AND status IN ('open', 'expired') ORDER BY planned_at, id FOR UPDATE`,
      [campaign.id],
    );
    const replanFrom = today > campaign.startsOn ? today : campaign.startsOn;
    const replanned: Array<{ id: string; visit: PlannedVisit }> = [];
    // A touchpoint retired since activation gets no new visits: its unclaimed jobs stay as they are.
    for (const touchpoint of touchpoints.filter((candidate) => candidate.active)) {
      const own = jobs.filter((job) => job.touchpoint_id === touchpoint.id);
      if (!own.length) continue;
      let plan: PlannedVisit[];
      try {
        plan = planVisits({
          seed: `${campaign.seed}:until:${dto.endsOn}`,
          startsOn: replanFrom,
          endsOn: dto.endsOn,
          visitsPerTouchpoint: own.length,
          touchpoints: [{ id: touchpoint.id, openingHours: touchpoint.openingHours, timeZone: touchpoint.timeZone }],
          scenarios: [],
        });
      } catch (error) {
        if (error instanceof SchedulingError) {
          throw ruleViolation('UNPLANNABLE', 'The remaining visits cannot be planned in the extended period', [
            { field: 'endsOn', reason: error.message },
          ]);
        }
        throw error;
      }
      plan.forEach((visit, index) => replanned.push({ id: own[index].id, visit }));
    }
    // Every re-planned job in one statement (a large campaign has thousands).
    await manager.query(
      `UPDATE assignments a SET status = 'open', window_start = p.window_start, window_end = p.window_end, planned_at = p.planned_at, updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[]) AS p(id, window_start, window_end, planned_at)
        WHERE a.id = p.id`,
      [
        replanned.map((job) => job.id),
        replanned.map((job) => job.visit.windowStart),
        replanned.map((job) => job.visit.windowEnd),
        replanned.map((job) => job.visit.plannedAt),
      ],
    );
    await manager.query(`UPDATE campaigns SET ends_on = $2, version = version + 1 WHERE id = $1`, [campaign.id, dto.endsOn]);
    await recordAudit(manager, {
      userId: user.id,
      action: 'extend',
      entity: 'campaign',
      entityId: campaign.id,
      before: { endsOn: before.endsOn },
      after: { endsOn: dto.endsOn, jobsReplanned: replanned.length },
    });
  }

  /** Draft or active → cancelled: open and assigned jobs cancelled; submitted, returned and approved work kept. */
  async cancel(user: AuthUser, id: string): Promise<CancelledCampaignView> {
    await this.findReadable(user, id);
    return inTransaction(this.dataSource, async (runner) => {
      const [campaign] = (await runner.query(`SELECT status FROM campaigns WHERE id = $1 FOR UPDATE`, [id])) as Array<{ status: string }>;
      if (!campaign) throw notFound('Campaign');
      if (campaign.status !== 'draft' && campaign.status !== 'active') {
        throw ruleViolation('CAMPAIGN_CANCELLED', `A ${campaign.status} campaign cannot be cancelled`, [
          { field: 'status', reason: `the campaign is ${campaign.status}` },
        ]);
      }
      const cancelled = await runner.query(
        `UPDATE assignments SET status = 'cancelled', updated_at = now() WHERE campaign_id = $1 AND status IN ('open', 'assigned')`,
        [id],
        true,
      );
      await runner.query(`UPDATE campaigns SET status = 'cancelled', cancelled_at = now(), version = version + 1 WHERE id = $1`, [id]);
      const assignmentsCancelled = cancelled.affected ?? 0;
      await recordAudit(runner, {
        userId: user.id,
        action: 'cancel',
        entity: 'campaign',
        entityId: id,
        before: { status: campaign.status },
        after: { status: 'cancelled', assignmentsCancelled },
      });
      return { status: 'cancelled' as const, assignmentsCancelled };
    });
  }

  /** Campaign id → its touchpoint ids, for many campaigns in one query. */
  private async touchpointIdsOf(campaignIds: string[], manager?: EntityManager): Promise<Map<string, string[]>> {
    const byCampaign = new Map<string, string[]>();
    if (!campaignIds.length) return byCampaign;
    const rows = await (manager ? manager.getRepository(CampaignTouchpoint) : this.campaignTouchpoints).find({
      where: { campaignId: In(campaignIds) },
      order: { touchpointId: 'ASC' },
    });
    for (const row of rows) {
      const ids = byCampaign.get(row.campaignId) ?? [];
      ids.push(row.touchpointId);
      byCampaign.set(row.campaignId, ids);
    }
    return byCampaign;
  }
}

/** Body fields of a campaign edit that may be set to null (clearing them). */
const NULLABLE_FIELDS = new Set(['previousCampaignId', 'retentionDays']);

/** What a draft's edit may change, as the audit log compares it. */
interface DesignFields {
  clientId: string;
  questionnaireId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  touchpointIds: string[];
  scenarios: Array<{ key: string; title: string; brief: string }>;
  visitsPerTouchpoint: number;
  slaSeconds: Record<string, number>;
  targets: Record<string, number>;
  previousCampaignId: string | null;
  visitFee: number;
  channelBonusCents: Record<string, number>;
  retentionDays: number | null;
}

function designOf(campaign: Campaign, touchpointIds: string[]): DesignFields {
  return {
    clientId: campaign.clientId,
    questionnaireId: campaign.questionnaireId,
    name: campaign.name,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    touchpointIds,
    scenarios: campaign.scenarios,
    visitsPerTouchpoint: campaign.visitsPerTouchpoint,
    slaSeconds: campaign.slaSeconds,
    targets: campaign.targets,
    previousCampaignId: campaign.previousCampaignId,
    visitFee: Number(campaign.visitFee),
    channelBonusCents: campaign.channelBonusCents,
    retentionDays: campaign.retentionDays,
  };
}

/** The plain scalar fields the edit sent (the nested ones are converted by the caller). */
function definedOf(dto: UpdateCampaignDto): Partial<DesignFields> {
  const { clientId, questionnaireId, startsOn, endsOn, touchpointIds, visitsPerTouchpoint } = dto;
  const fields: Partial<DesignFields> = Object.fromEntries(
    Object.entries({ clientId, questionnaireId, startsOn, endsOn, touchpointIds, visitsPerTouchpoint }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  return fields;
}

/** A DTO of optional numbers as plain JSON, without the fields left out. */
function plainNumbers(dto: object | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(dto ?? {}).filter(([, value]) => typeof value === 'number'));
}

/** pg answers an UPDATE … RETURNING through TypeORM as [rows, count]. */
function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[1];
  }
  return Array.isArray(result) ? result.length : 0;
}
