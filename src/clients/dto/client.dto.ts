import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { NestedDto, NotBlank, OptionalNotNull } from '../../common/http/validation';
import { CHANNELS, type Channel } from '../../questionnaires/domain/definition';

export class CreateClientDto {
  @ApiProperty({ example: 'Banco Ejemplo' }) @IsString() @NotBlank() @MaxLength(200) name: string;
}

export class ClientView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'Optimistic-lock version: send it back with an edit' }) version: number;
  @ApiProperty({ description: 'Archived: data kept, no new campaigns' }) archived: boolean;
}

/** One open stretch of a day, local time. Format and order are checked by checkOpeningHours (422). */
export class OpeningIntervalDto {
  @ApiProperty({ example: '09:00', description: 'HH:mm, 24 h local time' }) @IsString() opens: string;
  @ApiProperty({ example: '14:00', description: 'HH:mm or 24:00, later than opens' }) @IsString() closes: string;
}

const intervals = () => ApiPropertyOptional({ type: [OpeningIntervalDto], description: 'Empty or missing = closed' });

/** Opening hours per weekday in the touchpoint's time zone; null (or absent) = always open. */
export class OpeningHoursDto {
  @intervals() @IsOptional() @IsArray() @NestedDto(() => OpeningIntervalDto, { each: true }) mon?: OpeningIntervalDto[];
  @intervals() @IsOptional() @IsArray() @NestedDto(() => OpeningIntervalDto, { each: true }) tue?: OpeningIntervalDto[];
  @intervals() @IsOptional() @IsArray() @NestedDto(() => OpeningIntervalDto, { each: true }) wed?: OpeningIntervalDto[];
  @intervals() @IsOptional() @IsArray() @NestedDto(() => OpeningIntervalDto, { each: true }) thu?: OpeningIntervalDto[];
  @intervals() @IsOptional() @IsArray() @NestedDto(() => OpeningIntervalDto, { each: true }) fri?: OpeningIntervalDto[];
  @intervals() @IsOptional() @IsArray() @NestedDto(() => OpeningIntervalDto, { each: true }) sat?: OpeningIntervalDto[];
  @intervals() @IsOptional() @IsArray() @NestedDto(() => OpeningIntervalDto, { each: true }) sun?: OpeningIntervalDto[];
}

export class CreateTouchpointDto {
  @ApiProperty({ example: 'Oficina Gran Vía' }) @IsString() @NotBlank() @MaxLength(200) name: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel: Channel;
  @ApiProperty({ example: 'Madrid' }) @IsString() @NotBlank() @MaxLength(120) region: string;
  @ApiPropertyOptional({ example: 'Madrid' }) @IsOptional() @IsString() @MaxLength(120) city?: string;
  @ApiPropertyOptional({ example: 'Gran Vía 1' }) @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional({ description: 'Social-network or messaging handle', example: '@bancoejemplo' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  handle?: string;
  @ApiPropertyOptional({ example: '+34 900 000 000' }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @ApiPropertyOptional({ example: 'https://example.com/chat' }) @IsOptional() @IsString() @MaxLength(500) url?: string;
  @ApiPropertyOptional({ description: 'IANA time zone; defaults to the platform zone (TIME_ZONE)', example: 'Europe/Madrid' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
  @ApiPropertyOptional({ type: OpeningHoursDto, nullable: true, description: 'null or absent = always open' })
  @IsOptional()
  @NestedDto(() => OpeningHoursDto)
  openingHours?: OpeningHoursDto | null;
}

export class TouchpointView {
  @ApiProperty() id: string;
  @ApiProperty() clientId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty() region: string;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) handle: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty() timeZone: string;
  @ApiProperty({ nullable: true, type: OpeningHoursDto }) openingHours: OpeningHoursDto | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'Optimistic-lock version: send it back with an edit' }) version: number;
  @ApiProperty({ description: 'false once retired: offered to no new campaign' }) active: boolean;
}

/** The optimistic-lock version every edit sends back (the one it read); a stale one is 409 STALE_VERSION. */
const versionProperty = () =>
  ApiProperty({ minimum: 1, description: 'The version read (GET); a stale one is a 409 STALE_VERSION', example: 1 });

/** PATCH /clients/:id: the create fields, plus archived. */
export class UpdateClientDto {
  @versionProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ example: 'Banco Ejemplo' }) @OptionalNotNull() @IsString() @NotBlank() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'true archives the client (data kept, no new campaigns); false restores it' })
  @OptionalNotNull()
  @IsBoolean()
  archived?: boolean;
}

/** PATCH /clients/:clientId/touchpoints/:id: the create fields but the channel, plus active (false retires it). */
export class UpdateTouchpointDto {
  @versionProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ example: 'Oficina Gran Vía' }) @OptionalNotNull() @IsString() @NotBlank() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: 'Madrid' }) @OptionalNotNull() @IsString() @NotBlank() @MaxLength(120) region?: string;
  @ApiPropertyOptional({ example: 'Madrid', nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(120) city?: string | null;
  @ApiPropertyOptional({ example: 'Gran Vía 1', nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(300) address?:
    string | null;
  @ApiPropertyOptional({ example: '@bancoejemplo', nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) handle?:
    string | null;
  @ApiPropertyOptional({ example: '+34 900 000 000', nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(50) phone?:
    string | null;
  @ApiPropertyOptional({ example: 'https://example.com/chat', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  url?: string | null;
  @ApiPropertyOptional({ description: 'IANA time zone', example: 'Europe/Madrid' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
  @ApiPropertyOptional({ type: OpeningHoursDto, nullable: true, description: 'null = always open' })
  @IsOptional()
  @NestedDto(() => OpeningHoursDto)
  openingHours?: OpeningHoursDto | null;
  @ApiPropertyOptional({ description: 'false retires the touchpoint (offered to no new campaign, history kept); true brings it back' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
