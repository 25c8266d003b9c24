import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { NestedDto, OptionalNotNull } from '../../common/http/validation';
import { CHANNELS, type Channel } from '../../questionnaires/domain/definition';
import { Role, ROLES } from '../user.entity';
import { PageQuery } from '../../common/http/paging';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({
    minLength: 10,
    maxLength: 200,
    description: 'The password policy: at least 10 characters, not a common password, not the e-mail name (422 PASSWORD_POLICY)',
  })
  @IsString()
  @Length(1, 1000)
  password: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'Required for role client' }) @IsOptional() @IsUUID() clientId?: string;
  @ApiPropertyOptional({
    description: 'Shoppers: ids of existing clients they must never evaluate (conflict of interest); an unknown id is a 422 naming it',
    type: [String],
    format: 'uuid',
    maxItems: 200,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  @ArrayUnique()
  conflictClientIds?: string[];
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
}

/** What a shopper covers: the job board lists matching jobs first. Each list replaces the stored one. */
export class ShopperProfileDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: 100,
    description: 'Free text, as the touchpoints name them',
    example: ['Madrid', 'Castilla y León'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  regions?: string[];
  @ApiPropertyOptional({
    type: [String],
    maxItems: 100,
    description: 'Free text, as the touchpoints name them',
    example: ['Madrid', 'Segovia'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 120, { each: true })
  cities?: string[];
  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: ['es', 'en'],
    description: 'Language codes (ISO 639-1, optionally with a region: pt-BR)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2,3}(-[A-Z]{2})?$/, { each: true, message: 'each language must be a code such as es, en or pt-BR' })
  languages?: string[];
  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, example: ['in_person', 'phone'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];
}

export class ShopperProfileView {
  @ApiProperty({ type: [String] }) regions: string[];
  @ApiProperty({ type: [String] }) cities: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ enum: CHANNELS, isArray: true }) channels: Channel[];
}

/** PATCH /users/:id: within the rules of who may create whom; the version read. */
export class UpdateUserDto {
  @ApiProperty({ minimum: 1, description: 'The version read; a stale one is a 409 STALE_VERSION' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) name?: string | null;
  @ApiPropertyOptional({ description: 'false deactivates the account: its tokens stop working at the next request' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
  @ApiPropertyOptional({ enum: ROLES, description: 'Consultants: shopper or client only' }) @OptionalNotNull() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'Required for role client; null otherwise' })
  @IsOptional()
  @IsUUID()
  clientId?: string | null;
  @ApiPropertyOptional({ type: ShopperProfileDto, description: 'Shoppers only' })
  @OptionalNotNull()
  @NestedDto(() => ShopperProfileDto)
  profile?: ShopperProfileDto;
  @ApiPropertyOptional({
    description: 'Shoppers: ids of existing clients they must never evaluate (replaces the list); an unknown id is a 422 naming it',
    type: [String],
    format: 'uuid',
    maxItems: 200,
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  @ArrayUnique()
  conflictClientIds?: string[];
}

/** PATCH /auth/me: one's own name, and a shopper's profile and conflicts of interest (as PATCH /users/:id has them). */
export class UpdateMeDto extends PickType(UpdateUserDto, ['name', 'profile', 'conflictClientIds'] as const) {
  @ApiPropertyOptional({ minimum: 1, description: 'The version read; when sent, a stale one is a 409 STALE_VERSION' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @Length(1, 200) currentPassword: string;
  @ApiProperty({
    minLength: 10,
    maxLength: 200,
    description: 'The password policy: at least 10 characters, not a common password, not the e-mail name',
  })
  @IsString()
  @Length(1, 1000)
  newPassword: string;
}

export class PasswordResetTokenView {
  @ApiProperty({ description: 'Shown once: give it to the user; only its hash is stored' }) token: string;
  @ApiProperty({ description: 'It works once, until this time (24 hours)' }) expiresAt: Date;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token from POST /users/:id/password-reset' }) @IsString() @Length(1, 200) token: string;
  @ApiProperty({ minLength: 10, maxLength: 200 }) @IsString() @Length(1, 1000) newPassword: string;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) clientId: string | null;
  @ApiProperty({ type: [String] }) conflictClientIds: string[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'false: deactivated, cannot sign in' }) active: boolean;
  @ApiProperty({ description: 'Optimistic-lock version: send it back with an edit' }) version: number;
  @ApiProperty({ type: ShopperProfileView, description: 'What a shopper covers (empty lists for other roles)' })
  profile: ShopperProfileView;
}
