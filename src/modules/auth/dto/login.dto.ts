import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString() @MinLength(1) @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'admin12345', format: 'password' })
  @IsString() @MinLength(1) @MaxLength(256)
  password: string;
}

export class AccessTokenDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: '8h', description: 'Token lifetime' })
  expiresIn: string;
}
