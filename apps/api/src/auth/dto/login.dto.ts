import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

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

export class AccessTokenDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
  @ApiProperty() tokenType!: 'Bearer';
}

export class MeDto {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ nullable: true, type: String }) unitId!: string | null;
  @ApiProperty({ nullable: true, type: String }) unitName!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty() locale!: string;
}
