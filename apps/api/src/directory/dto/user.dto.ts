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
  Length,
  Matches,
} from 'class-validator';
import { Trim } from '../../common/trim.transform';
import {
  EnumProperty,
  OptionalNotNull,
  RulesProperty,
  TextProperty,
  UuidProperty,
  type Presence,
} from '../../common/dto-properties';

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

/** A user's roles: each of ROLES at most once. */
const RolesProperty = (optional?: Presence) =>
  RulesProperty(
    { enum: ROLES, isArray: true, optional },
    IsArray(),
    ArrayMaxSize(ROLES.length),
    ArrayUnique(),
    IsIn(ROLES, { each: true }),
  );

/** An e-mail address, optional; null clears it. */
const EmailProperty = (example?: string) =>
  RulesProperty(
    { ...(example ? { example } : {}), nullable: true, type: String, optional: true },
    Trim(),
    IsEmail(),
  );

/** A password as it is chosen: 8-128 characters. */
const PasswordProperty = (description: string, example?: string) =>
  RulesProperty({ example, description }, IsString(), Length(8, 128));

export class UserQueryDto {
  @TextProperty({
    optional: true,
    min: 1,
    max: 100,
    description: 'Part of the username, full name or e-mail',
  })
  search?: string;

  @UuidProperty({ optional: true, format: 'uuid' })
  unitId?: string;

  @EnumProperty({ values: ROLES, optional: true })
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

  @TextProperty({ min: 2, max: 200, printable: true, example: 'Nguyễn Văn An' })
  fullName!: string;

  @EmailProperty('an.nv@example.vn')
  email?: string | null;

  @UuidProperty({ optional: true, format: 'uuid', nullable: true, type: String })
  unitId?: string | null;

  @RolesProperty()
  roles!: Role[];

  @PasswordProperty('Initial password (8-128 characters)', 'mat-khau-ban-dau')
  password!: string;
}

/** A null e-mail or unit clears it. Deactivating revokes every refresh token of the user. */
export class UpdateUserDto {
  @TextProperty({
    optional: 'notNull',
    min: 2,
    max: 200,
    printable: true,
    example: 'Nguyễn Văn An',
  })
  fullName?: string;

  @EmailProperty()
  email?: string | null;

  @UuidProperty({ optional: true, format: 'uuid', nullable: true, type: String })
  unitId?: string | null;

  @RolesProperty('notNull')
  roles?: Role[];

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class ResetPasswordDto {
  @PasswordProperty('The new password (8-128 characters); every session ends')
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
