import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** A 6-digit TOTP code (spaces allowed), or a recovery code `xxxx-xxxx-xxxx`. */
const CODE = /^(\s*\d\s*){6}$|^[A-Za-z0-9][A-Za-z0-9 -]{10,18}[A-Za-z0-9]$/;
const CODE_RULE = 'code must be the 6-digit code of the authenticator app or a recovery code';

export class SecondFactorCodeDto {
  @ApiProperty({
    example: '123456',
    description:
      'The 6-digit code the authenticator app shows now (or, where said, a recovery code)',
  })
  @IsString()
  @Length(6, 20)
  @Matches(CODE, { message: CODE_RULE })
  code!: string;
}

export class SecondFactorLoginDto {
  @ApiProperty({ description: 'The challenge POST /auth/login answered with' })
  @IsString()
  @Length(20, 2048)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, {
    message: 'challenge must be the challenge of POST /auth/login',
  })
  challenge!: string;

  @ApiProperty({
    example: '123456',
    description: 'The 6-digit code of the authenticator app, or an unused recovery code',
  })
  @IsString()
  @Length(6, 20)
  @Matches(CODE, { message: CODE_RULE })
  code!: string;
}

/** The answer to a right password of an account with a second factor: no token yet. */
export class SecondFactorChallengeDto {
  @ApiProperty({ type: Boolean, description: 'Always true: send a code next' })
  secondFactorRequired!: true;
  @ApiProperty({
    description: 'Send it with the code to POST /auth/login/second-factor (not an access token)',
  })
  challenge!: string;
  @ApiProperty({ description: 'Seconds until the challenge expires (then log in again)' })
  challengeExpiresIn!: number;
}

/** A new access token after a second-factor check (the session's refresh token stays). */
export class StepUpDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty() tokenType!: 'Bearer';
  @ApiProperty({
    description: 'Seconds during which signing, voting and issuing need no code again',
  })
  stepUpExpiresIn!: number;
}

export class SecondFactorEnrolmentDto {
  @ApiProperty({ description: 'The secret (base32), for typing into the app by hand' })
  secret!: string;
  @ApiProperty({ example: 'otpauth://totp/...' }) otpauthUri!: string;
  @ApiProperty({ description: 'The otpauth URI as a QR code (PNG data URL)' })
  qrCodeDataUrl!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty({ example: 6 }) digits!: number;
  @ApiProperty({ example: 30 }) periodSeconds!: number;
}

export class SecondFactorEnabledDto extends StepUpDto {
  @ApiProperty({
    type: [String],
    description: 'One-time recovery codes, shown only now: each replaces a code once',
  })
  recoveryCodes!: string[];
}

export class SecondFactorStatusDto {
  @ApiProperty({ description: 'A second factor is on' }) enabled!: boolean;
  @ApiProperty({ description: 'An enrolment waits for its first code' }) pending!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) enabledAt!: string | null;
  @ApiProperty({ description: "The account's roles call for a second factor" })
  required!: boolean;
  @ApiProperty({ description: 'Nothing but the enrolment is reachable until it is on' })
  mustEnrol!: boolean;
  @ApiProperty({ enum: ['off', 'enrol', 'required'] }) enforcement!: 'off' | 'enrol' | 'required';
  @ApiProperty() recoveryCodesLeft!: number;
  @ApiProperty({ description: 'How recent a check must be for signing, voting and issuing' })
  stepUpSeconds!: number;
}
