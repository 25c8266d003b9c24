import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { UserView } from '../../users/dto/user.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin@incognito.local' }) @IsEmail() @MaxLength(320) email: string;
  @ApiProperty() @IsString() @MaxLength(200) password: string;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserView }) user: Pick<UserView, 'id' | 'email' | 'role' | 'clientId' | 'name'>;
}
