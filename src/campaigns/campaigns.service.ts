import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { ClientsService } from '../clients/clients.service';
import { Touchpoint } from '../clients/touchpoint.entity';
import { assertCanReadClientData } from '../common/access/access';
import { AuthUser, isStaff } from '../common/auth/auth-user';
import { notFound, ruleViolation } from '../common/errors/domain-error';
import { QuestionnairesService } from '../questionnaires/questionnaires.service';
import { Campaign, CampaignTouchpoint } from './campaign.entity';
import { checkNewCampaign } from './domain/campaign-rules';
import { planVisits, SchedulingError, type PlannedVisit } from './domain/scheduling';
import { ActivatedCampaignView, CampaignView, CreateCampaignDto, ListCampaignsQuery } from './dto/campaign.dto';
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
  };
  if (isStaff(user)) {
    view.seed = campaign.seed;
    view.visitFee = Number(campaign.visitFee);
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
    const questionnaire = await this.questionnaires.findById(dto.questionnaireId);
    const touchpoints = await this.clients.findTouchpointsByIds(dto.touchpointIds);
    let previousCampaignClientId: string | undefined;
    if (dto.previousCampaignId) {
      const previous = await this.campaigns.findOneBy({ id: dto.previousCampaignId });
      if (!previous) throw notFound('Previous campaign');
      previousCampaignClientId = previous.clientId;
    }
    const scenarios = (dto.scenarios ?? []).map(({ key, title, brief }) => ({ key, title, brief }));
    const problems = checkNewCampaign({
      clientId: dto.clientId,
      startsOn: dto.startsOn,
      endsOn: dto.endsOn,
      questionnaire,
      touchpointIds: dto.touchpointIds,
      touchpointClients: new Map(touchpoints.map((touchpoint) => [touchpoint.id, touchpoint.clientId])),
      scenarioKeys: scenarios.map((scenario) => scenario.key),
      previousCampaignClientId,
    });
    if (problems.length) throw ruleViolation('CAMPAIGN_INVALID', 'The campaign is not valid', problems);

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
      if (campaign.status !== 'draft') throw ruleViolation('NOT_DRAFT', `Only a draft campaign can be activated; this one is ${campaign.status}`);

      const touchpoints = await this.touchpointsOf(id, manager);
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
          throw ruleViolation('UNPLANNABLE', 'The visits of this campaign cannot be planned', [{ field: 'campaign', reason: error.message }]);
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
      await manager.query(
        `UPDATE campaigns SET status = 'active', activated_at = now() WHERE id = $1 AND status = 'draft'`,
        [id],
      );
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

  /** Campaign id → its touchpoint ids, for many campaigns in one query. */
  private async touchpointIdsOf(campaignIds: string[]): Promise<Map<string, string[]>> {
    const byCampaign = new Map<string, string[]>();
    if (!campaignIds.length) return byCampaign;
    const rows = await this.campaignTouchpoints.find({
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
