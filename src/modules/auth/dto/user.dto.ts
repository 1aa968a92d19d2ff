import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../../platform/actor/index.js';

export class CreateUserDto {
  @ApiProperty({ example: 'officer.lan', description: 'Lowercase letters, digits, dot, dash, underscore; 3–64' })
  @IsString()
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3–64 of a-z 0-9 . _ -' })
  username: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ example: 'S3cure-pass!', minLength: 8, format: 'password' })
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['OFFICER'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ example: '12', description: 'Required for COOPERATIVE users: the borrower they act for' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9]\d{0,18}$/, { message: 'borrowerId must be a borrower id' })
  borrowerId?: string;
}

/** A change of a user's name, roles or borrower binding; omitted fields stay as they are. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Nguyễn Thị Lan' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, example: ['OFFICER', 'APPROVER'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({
    example: '12',
    nullable: true,
    type: String,
    description: 'COOPERATIVE users: the borrower they act for; null to unbind (other roles)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9]\d{0,18}$/, { message: 'borrowerId must be a borrower id' })
  borrowerId?: string | null;
}

/** An administrator sets a new password for a user who lost theirs (told to them out of band). */
export class ResetPasswordDto {
  @ApiProperty({ example: 'N3w-pass-2025', minLength: 8, format: 'password' })
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  password: string;
}

export class UserDto {
  @ApiProperty({ example: '2' }) id: string;
  @ApiProperty({ example: 'officer.lan' }) username: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['OFFICER'] }) roles: Role[];
  @ApiProperty({ example: null, nullable: true, type: String }) borrowerId: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'The bound borrower’s legal name (COOPERATIVE users)' }) borrowerName: string | null;
  @ApiProperty({ example: true }) active: boolean;
  @ApiProperty({ example: '2026-11-22T01:00:00.000Z' }) createdAt: string;
}
