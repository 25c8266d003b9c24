import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { UserView } from '../../users/dto/user.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin@incognito.local' }) @IsEmail() @MaxLength(320) email: string;
  @ApiProperty() @IsString() @MaxLength(200) password: string;
}

/** The signed-in user as the login answer describes it. */
export class LoginUserView extends PickType(UserView, ['id', 'email', 'role', 'clientId', 'name'] as const) {}

export class LoginResponse {
  @ApiProperty({ description: 'Send it as `Authorization: Bearer <token>`' }) accessToken: string;
  @ApiProperty({ type: LoginUserView }) user: LoginUserView;
}
