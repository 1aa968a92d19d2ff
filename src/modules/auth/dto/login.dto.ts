import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'admin12345', format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

/** The acting user's own password change: the current password, then the new one (8–256). */
export class ChangePasswordDto {
  @ApiProperty({ example: 'admin12345', format: 'password', maxLength: 256 })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ example: 'N3w-pass-2025', minLength: 8, maxLength: 256, format: 'password' })
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  newPassword: string;
}

export class AccessTokenDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: '8h', description: 'Token lifetime' })
  expiresIn: string;
}
