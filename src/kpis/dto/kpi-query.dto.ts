import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Channel, CHANNELS } from '../../questionnaires/domain/definition';
import type { KpiFilters } from '../kpi-model';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Query-string booleans: only the words true/false (and 1/0); anything else stays a string and fails @IsBoolean. */
function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
}

/** The filters of GET /campaigns/:id/kpis (docs/kpis.md §5). */
export class KpiQueryDto {
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(120) region?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() touchpointId?: string;
  @ApiPropertyOptional({ description: 'Scenario key of the assignments' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  scenario?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Inclusive, on visitedAt (UTC)' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a valid date' })
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Inclusive, on visitedAt (UTC)' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a valid date' })
  to?: string;
  @ApiPropertyOptional({ description: 'Also count submitted (not yet approved) visits; consultants only, ignored for clients' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeUnapproved?: boolean;

  toFilters(): KpiFilters {
    const filters: KpiFilters = {};
    if (this.channel !== undefined) filters.channel = this.channel;
    if (this.region !== undefined) filters.region = this.region;
    if (this.touchpointId !== undefined) filters.touchpointId = this.touchpointId;
    if (this.scenario !== undefined) filters.scenario = this.scenario;
    if (this.from !== undefined) filters.from = this.from;
    if (this.to !== undefined) filters.to = this.to;
    if (this.includeUnapproved !== undefined) filters.includeUnapproved = this.includeUnapproved;
    return filters;
  }
}
