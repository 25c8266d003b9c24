import { Assignment } from '../assignments/assignment.entity';
import { Campaign, CampaignTouchpoint } from '../campaigns/campaign.entity';
import { Client } from '../clients/client.entity';
import { Touchpoint } from '../clients/touchpoint.entity';
import { Questionnaire } from '../questionnaires/questionnaire.entity';
import { User } from '../users/user.entity';
import {
  Alert,
  Appeal,
  EvidenceFile,
  IdempotencyRecord,
  ReportEdit,
  VisitAnswer,
  VisitDimensionScore,
  VisitReport,
  VisitSectionScore,
} from '../visit-reports/visit-report.entity';

export const ENTITIES = [
  User,
  Client,
  Touchpoint,
  Questionnaire,
  Campaign,
  CampaignTouchpoint,
  Assignment,
  VisitReport,
  VisitSectionScore,
  VisitDimensionScore,
  VisitAnswer,
  IdempotencyRecord,
  EvidenceFile,
  ReportEdit,
  Appeal,
  Alert,
];
