import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Role, ROLES } from '../user.entity';
import { PageQuery } from '../../common/http/paging';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({ minLength: 8 }) @IsString() @Length(8, 200) password: string;
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

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) clientId: string | null;
  @ApiProperty({ type: [String] }) conflictClientIds: string[];
  @ApiProperty() createdAt: Date;
}
