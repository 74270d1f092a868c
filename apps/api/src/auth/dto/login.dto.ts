import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'ctd01.dk-bnn.signer' })
  @IsString()
  @Length(3, 64)
  username!: string;

  @ApiProperty({ example: 'demo-2026' })
  @IsString()
  @Length(8, 128)
  password!: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token of the last login or refresh (single use)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'refreshToken must be a refresh token' })
  refreshToken!: string;
}

export class AccessTokenDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty() tokenType!: 'Bearer';
  @ApiProperty({
    description:
      'Exchange it at POST /auth/refresh for a new pair before it expires; each is valid once',
  })
  refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the refresh token expires' })
  refreshExpiresIn!: number;
}

/** The unit's place in a cluster for the year (head and deputy rotate every year). */
export class MeClusterDto {
  @ApiProperty({ format: 'uuid' }) clusterId!: string;
  @ApiProperty() clusterCode!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ['HEAD', 'DEPUTY', 'MEMBER'] }) role!: 'HEAD' | 'DEPUTY' | 'MEMBER';
}

/** The account's second factor, for the app's gate and reminders. */
export class MeSecondFactorDto {
  @ApiProperty({ description: 'A second factor (TOTP) is on' }) enabled!: boolean;
  @ApiProperty({ description: "The account's roles call for one (MFA_REQUIRED_ROLES)" })
  required!: boolean;
  @ApiProperty({ description: 'Nothing but the enrolment is reachable until it is on' })
  mustEnrol!: boolean;
}

export class MeDto {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) unitId!: string | null;
  @ApiProperty({ nullable: true, type: String }) unitCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) unitName!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty() locale!: string;
  @ApiProperty({
    type: [MeClusterDto],
    description: "The unit's clusters and roles in the current year (Vietnam time)",
  })
  clusters!: MeClusterDto[];
  @ApiProperty({ type: MeSecondFactorDto })
  secondFactor!: MeSecondFactorDto;
}
