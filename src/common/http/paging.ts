// limit/offset paging shared by every list route.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;
/** The largest offset a list takes: PostgreSQL's int4, far past any list this application holds. */
export const MAX_OFFSET = 2_147_483_647;

const DECIMAL_INTEGER = /^\d+$/;

/**
 * A query value as a whole number, only when written as plain decimal digits: `1e21`, `0x10`, `2.5`,
 * ` 5` or a repeated parameter stay NaN (refused by IsInt), so exponent notation can never reach SQL
 * as `1e+21`. `ceiling`, when given, lowers larger values to it (digits of any length).
 */
function decimalInteger(ceiling?: number) {
  return ({ value }: { value: unknown }): unknown => {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !DECIMAL_INTEGER.test(value)) return Number.NaN;
    const number = Number(value);
    return ceiling !== undefined && number > ceiling ? ceiling : number;
  };
}

export class PageQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: `a whole number written in decimal digits; larger values are capped to ${MAX_PAGE_SIZE}`,
  })
  @IsOptional()
  @Transform(decimalInteger(MAX_PAGE_SIZE))
  @IsInt({ message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE} (decimal digits)` })
  @Min(1)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_OFFSET, default: 0, description: 'a whole number written in decimal digits' })
  @IsOptional()
  @Transform(decimalInteger())
  @IsInt({ message: `offset must be a whole number from 0 to ${MAX_OFFSET} (decimal digits)` })
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}

/** The page a list query asks for, with the defaults filled in. */
export function pageOf(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 };
}
