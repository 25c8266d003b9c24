// limit/offset paging shared by every list route.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** A limit above MAX_PAGE_SIZE is lowered to it: a client asking for "everything" gets the largest page. */
const capLimit = ({ value }: { value: unknown }): unknown => {
  const limit = Number(value);
  return Number.isInteger(limit) && limit > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : value;
};

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: `larger values are capped to ${MAX_PAGE_SIZE}` })
  @IsOptional()
  @Transform(capLimit)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

/** The page a list query asks for, with the defaults filled in. */
export function pageOf(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 };
}
