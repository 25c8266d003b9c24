import type { MigrationInterface } from 'typeorm';
// Every migration, in order. Listed explicitly so ts-node, jest and the compiled app load the same set.
import { InitialSchema1795481793376 } from './1795481793376-InitialSchema';
import { VisitReportNarrativeHash1795500000200 } from './1795500000200-VisitReportNarrativeHash';
import { AnswerTallies1795600000000 } from './1795600000000-AnswerTallies';
import { AssignmentEvidence1795700000000 } from './1795700000000-AssignmentEvidence';
import { Programs1795800000000 } from './1795800000000-Programs';
import { Administration1795900000000 } from './1795900000000-Administration';
import { AccountSessions1795900000100 } from './1795900000100-AccountSessions';
import { FeeEntriesPaidOnce1795900000200 } from './1795900000200-FeeEntriesPaidOnce';
import { FeeEntriesTimeMovable1795900000300 } from './1795900000300-FeeEntriesTimeMovable';
import { ScaleOut1796000000000 } from './1796000000000-ScaleOut';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1795481793376,
  VisitReportNarrativeHash1795500000200,
  AnswerTallies1795600000000,
  AssignmentEvidence1795700000000,
  Programs1795800000000,
  Administration1795900000000,
  AccountSessions1795900000100,
  FeeEntriesPaidOnce1795900000200,
  FeeEntriesTimeMovable1795900000300,
  ScaleOut1796000000000,
];
