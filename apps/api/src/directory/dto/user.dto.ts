import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { Trim } from '../../common/trim.transform';
import { OptionalNotNull } from './unit.dto';
import { PrintableText } from '../../common/printable-text';

export const ROLES = [
  'ADMIN',
  'ORG_ADMIN',
  'UNIT_OFFICER',
  'UNIT_SIGNER',
  'REVIEWER',
  'COUNCIL_MEMBER',
  'AUTHORITY',
] as const;
export type Role = (typeof ROLES)[number];

export class UserQueryDto {
  @ApiPropertyOptional({ description: 'Part of the username, full name or e-mail' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  search?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  active?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'duk-catp.officer', description: 'Lower case; unique' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'username must be 3-64 of a-z, 0-9, ".", "_" and "-"',
  })
  username!: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @Trim()
  @IsString()
  @PrintableText()
  @Length(2, 200)
  fullName!: string;

  @ApiPropertyOptional({ example: 'an.nv@example.vn', nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiProperty({ example: 'mat-khau-ban-dau', description: 'Initial password (8-128 characters)' })
  @IsString()
  @Length(8, 128)
  password!: string;
}

/** A null e-mail or unit clears it. Deactivating revokes every refresh token of the user. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @PrintableText()
  @Length(2, 200)
  fullName?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The new password (8-128 characters); every session ends' })
  @IsString()
  @Length(8, 128)
  password!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) unitId!: string | null;
  @ApiProperty({ nullable: true, type: String }) unitCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) unitName!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() active!: boolean;
  @ApiProperty() locale!: string;
  @ApiProperty() createdAt!: string;
}
