import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/http/paging';
import { AUDIT_ENTITIES, type AuditEntity } from '../audit-log';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_ENTITIES }) @IsOptional() @IsIn(AUDIT_ENTITIES) entity?: AuditEntity;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() entityId?: string;
}

export class AuditLogEntryView {
  @ApiProperty() id: string;
  @ApiProperty() at: Date;
  @ApiProperty({ nullable: true, type: String, description: 'Who made the change; null for a password reset by token' }) userId:
    string | null;
  @ApiProperty({ example: 'update' }) action: string;
  @ApiProperty({ enum: AUDIT_ENTITIES }) entity: AuditEntity;
  @ApiProperty() entityId: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'The changed fields as they were' })
  before: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'The changed fields as they became' })
  after: Record<string, unknown> | null;
}
