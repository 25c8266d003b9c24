import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { pageOf } from '../common/http/paging';
import { AuditLogEntryView, AuditQuery } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin')
  @Endpoint({
    operationId: 'listAudit',
    summary: 'The audit log of administrative changes, newest first, optionally of one entity (admins)',
    errors: [400, 403],
  })
  @ApiOkResponse({ type: [AuditLogEntryView] })
  async list(@Query() query: AuditQuery): Promise<AuditLogEntryView[]> {
    const { limit, offset } = pageOf(query);
    return await this.dataSource.query<AuditLogEntryView[]>(
      `SELECT id, at, user_id AS "userId", action, entity, entity_id AS "entityId", before, after
         FROM audit_log
        WHERE ($1::varchar IS NULL OR entity = $1) AND ($2::uuid IS NULL OR entity_id = $2)
        ORDER BY at DESC, id LIMIT $3 OFFSET $4`,
      [query.entity ?? null, query.entityId ?? null, limit, offset],
    );
  }
}
